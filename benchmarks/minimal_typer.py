"""The framework's floor: a minimal two-command Typer app, timed beside exitcheck."""

import typer

app = typer.Typer()


@app.command()
def status(name: str, json: bool = False) -> None:
    print(name)


@app.command()
def other(count: int = 1) -> None:
    print(count)


if __name__ == "__main__":
    app()
