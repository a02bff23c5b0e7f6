"""Write tests/data/wrapped_mix.txt: other companies' names as lines of real-world text.

    .venv/bin/pip install faker && .venv/bin/python tools/wrapped_mix.py
    .venv/bin/python tools/eval_matching.py --mix --wrong tests/data/wrapped_mix.txt

Issue 24's last goal: on a realistic mix of other companies' names, no confident match and at
most 1% sent to review. A screening file rarely holds a bare name: it holds a ledger line, a
form field, a log line, a file name, a chat line, with dates, codes, amounts and labels around
the name. Here names of companies that are not registry platforms (tests/data/company_mix.txt,
the blind rounds' lists of other companies, which are not held out, and Faker's companies in
several languages) are put inside such wrappings, one kind picked per name with a fixed seed,
so the file is the same on every run. With ``--pairs FILE`` it also writes each line beside
the bare name and the kind, to tell what the wrapping adds from what the name alone does.
Faker is needed only here, never by exitcheck or its tests.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "wrapped_mix.txt"
SOURCES = [
    ROOT / "tests" / "data" / "company_mix.txt",
    ROOT / "tests" / "data" / "blind" / "others_mix.txt",
    *(ROOT / "tests" / "data" / "blind" / f"round{n}" / f"others{n}.txt" for n in (2, 3, 4, 5)),
]
LOCALES = [
    "en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR", "pl_PL", "sv_SE",
    "zh_CN", "zh_TW", "ja_JP", "ko_KR", "ru_RU", "tr_TR", "vi_VN", "id_ID", "th_TH", "en_IN",
]  # fmt: skip
ROWS = 6000
FIAT = ["USD", "EUR", "GBP", "CNY", "HKD", "JPY", "SGD", "CHF", "AUD", "KRW", "RMB", "TWD", "CAD"]
SEED = 2412
# lines of the lists that are already more than a name (an address, a version, a label): the
# wrappings here are put around names
_WRAPPED = re.compile(r"://|[:/|·—–@#\\]|\bv?\d+\.\d+|\.eth$|\.com\b|\s-\s")

Wrap = Callable[[random.Random, "Parts"], str]


class Parts:
    """Faker's pieces of a line around a name: dates, amounts, codes, people, places."""

    def __init__(self, rng: random.Random) -> None:
        from faker import Faker

        self.rng = rng
        self.fake = Faker("en_US")
        self.fake.seed_instance(rng.randrange(10**9))
        self.zh = Faker("zh_CN")
        self.zh.seed_instance(rng.randrange(10**9))

    def date(self) -> str:
        d = self.fake.date_between("-6y", "today")
        return self.rng.choice(
            [d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"), d.strftime("%d %b %Y"),
             d.strftime("%Y%m%d"), d.strftime("%b %d, %Y"), d.strftime("%m/%d/%y")]
        )  # fmt: skip

    def time(self) -> str:
        return self.fake.time(pattern=self.rng.choice(["%H:%M", "%H:%M:%S", "%I:%M %p"]))

    def amount(self) -> str:
        value = self.rng.choice([self.rng.uniform(1, 500), self.rng.uniform(100, 99999)])
        cur = self.rng.choice(FIAT)
        text = self.rng.choice([f"{value:,.2f}", f"{value:.2f}", f"{value:,.0f}"])
        return self.rng.choice(
            [f"{cur} {text}", f"{text} {cur}", f"${text}", f"€{text}", f"¥{text}"]
        )

    def ref(self) -> str:
        return self.fake.bothify(
            self.rng.choice(["INV-####", "PO-#####", "##########", "REF ???-####-##", "TX#######",
                             "AP-####", "#??##?#??", "SO-######", "CASE-#####", "??######"])
        ).upper()  # fmt: skip

    def person(self) -> str:
        return self.fake.name()

    def place(self) -> str:
        return self.rng.choice([self.fake.city(), self.fake.country(), self.fake.state()])

    def slug(self, name: str) -> str:
        """The name as a web address or a file name writes it; a name in another script as is."""
        if not name.isascii():
            return name.replace(" ", "")
        return re.sub(r"[^a-z0-9]+", self.rng.choice(["-", "_", ""]), name.lower()).strip("-_")


def _ledger(r: random.Random, p: Parts, name: str) -> str:
    return r.choice([
        f"{p.date()}  {p.ref()}  {name}  {p.amount()}",
        f"{p.date()} | {name} | {p.amount()} | {r.choice(['Paid', 'Open', 'Overdue', 'Cleared'])}",
        f"{r.randint(1000, 9999)} Accounts payable – {name} {p.amount()}",
        f"Dr {name} {p.amount()}  Cr Bank",
        f"{p.date()} Payment to {name} ({p.ref()})",
    ])  # fmt: skip


def _email(r: random.Random, p: Parts, name: str) -> str:
    return r.choice([
        f"RE: Invoice {p.ref()} from {name}",
        f"Fwd: {name} – quarterly statement {p.date()}",
        f"[External] {name}: contract renewal",
        f"Your order with {name} has shipped",
        f"Meeting notes – {name} call {p.date()}",
        f"Subject: Welcome to {name}!",
        f"{p.person()} <{p.fake.user_name()}@{p.slug(name)[:20] or 'mail'}.com>",
    ])  # fmt: skip


def _file(r: random.Random, p: Parts, name: str) -> str:
    ext = r.choice(["pdf", "xlsx", "docx", "csv", "jpg", "zip", "msg"])
    slug = p.slug(name)
    return r.choice([
        f"{slug}_invoice_{p.date().replace('/', '-')}.{ext}",
        f"Scan_{name}_{r.randint(100000, 999999)}.{ext}",
        f"C:\\Users\\{p.fake.user_name()}\\Documents\\Vendors\\{name}\\statement.{ext}",
        f"/data/exports/{slug}/{p.date().replace('/', '-')}-report.{ext}",
        f"{name} - Contract (signed) v{r.randint(1, 5)}.{ext}",
    ])  # fmt: skip


def _log(r: random.Random, p: Parts, name: str) -> str:
    level = r.choice(["INFO", "WARN", "DEBUG", "ERROR"])
    return r.choice([
        f"{p.date()} {p.time()} {level} payment.service vendor=\"{name}\" amount={r.uniform(1, 9e4):.2f} status=OK",
        f"[{level}] sync: customer '{name}' updated (id={r.randint(1, 10**6)})",
        f"{p.time()} webhook received from {name}: event=invoice.paid",
        f'{{"ts": "{p.date()}", "counterparty": "{name}", "ccy": "{r.choice(FIAT)}"}}',
        f"job#{r.randint(100, 9999)} export {name} -> s3 done in {r.randint(1, 900)}ms",
    ])  # fmt: skip


def _form(r: random.Random, p: Parts, name: str) -> str:
    label = r.choice([
        "Employer", "Merchant", "Beneficiary name", "Company name", "Supplier", "Vendor",
        "Payee", "Bill to", "Sold to", "Account holder", "Name of business", "Client",
        "Organisation", "Remitter", "Ordering customer", "Counterparty", "Landlord", "Insurer",
    ])  # fmt: skip
    return r.choice([f"{label}: {name}", f"{label.upper()}: {name.upper()}", f"{label} – {name}",
                     f"{label}:\t{name}", f"{label}: {name} ({p.ref()})"])  # fmt: skip


def _address(r: random.Random, p: Parts, name: str) -> str:
    f = p.fake
    return r.choice([
        f"{name}, {f.street_address()}, {f.city()}, {f.postcode()}",
        f"{name} · {f.building_number()} {f.street_name()} · {f.city()} · {f.country()}",
        f"{name} c/o {p.person()}, {f.street_address()}",
        f"{name}, PO Box {r.randint(10, 9999)}, {f.city()}",
        f"{name}, {f.city()}, {f.state_abbr()} {f.postcode()}",
        f"{name}, {f.street_address()}, {f.city()}, {f.country_code()}",
        f"{name}; {f.city()}; {f.country_code()}",
    ])  # fmt: skip


def _chat(r: random.Random, p: Parts, name: str) -> str:
    who = p.fake.first_name()
    return r.choice([
        f"[{p.time()}] {who}: did {name} pay yet?",
        f"{who}: sent the contract to {name} 👍",
        f"{p.date()}, {p.time()} - {who}: {name} called again about the delivery",
        f"<{who.lower()}> anyone know a contact at {name}?",
        f"{who} ({p.time()}): ok, {name} confirmed for Tuesday",
    ])  # fmt: skip


def _web(r: random.Random, p: Parts, name: str) -> str:
    slug = p.slug(name)
    return r.choice([
        f"https://www.linkedin.com/company/{slug}/",
        f"https://{slug[:30] or 'site'}.com/about-us",
        f"@{slug[:20]} on Twitter",
        f"{name} | Official Site",
        f"{name} - Home",
        f"https://www.google.com/search?q={slug}",
    ])  # fmt: skip


def _chinese(r: random.Random, p: Parts, name: str) -> str:
    return r.choice([
        f"付款给 {name} 金额 {p.amount()}",
        f"收款方：{name}",
        f"{p.date()} 转账 {name} 备注：货款",
        f"供应商：{name}（{p.ref()}）",
        f"{p.zh.company()}（{name}）",
        f"客户名称：{name} 联系人：{p.zh.name()}",
        f"合同编号 {p.ref()} 甲方：{name}",
    ])  # fmt: skip


def _statement(r: random.Random, p: Parts, name: str) -> str:
    up = name.upper()[:22]
    return r.choice([
        f"POS {r.randint(1000, 9999)} {up} {p.fake.city().upper()} {p.fake.country_code()} {p.date()}",
        f"SEPA CT {name} REF {r.randint(10**6, 10**9)} EUR {r.uniform(1, 9999):.2f}",
        f"CARD PURCHASE {up} {r.choice(FIAT)} {r.uniform(1, 999):.2f}",
        f"DIRECT DEBIT {up} {p.ref()}",
        f"PAYPAL *{re.sub(r'[^A-Z0-9]', '', up)[:12]} {r.randint(10**9, 10**10 - 1)} {p.fake.country_code()}",
        f"SQ *{name[:20]}",
        f"ACH CREDIT {up} PAYROLL {p.date()}",
    ])  # fmt: skip


def _invoice(r: random.Random, p: Parts, name: str) -> str:
    return r.choice([
        f"Invoice {p.ref()} | {name} | Net {r.choice([15, 30, 60])} | {p.amount()}",
        f'"{name}",{p.fake.bothify("??#########").upper()},{p.date()},{r.uniform(1, 9999):.2f},{r.choice(FIAT)}',
        f"{name}\t{p.date()}\t{p.amount()}",
        f"Line {r.randint(1, 40)}: {r.choice(['Consulting', 'Freight', 'Licences', 'Rent'])} – {name} – {p.amount()}",
        f"VAT reg. {name} {p.fake.bothify('GB#########')}",
    ])  # fmt: skip


def _label(r: random.Random, p: Parts, name: str) -> str:
    return r.choice([
        f"Supplier: {name} (ID {r.randint(1000, 99999)})",
        f"Customer #{r.randint(100, 99999)} – {name}",
        f"SHIP TO: {name.upper()} ATTN: {p.person().upper()} TRACKING 1Z{p.fake.bothify('??#########').upper()}",
        f"{name} [{r.choice(['active', 'inactive', 'prospect', 'blocked'])}]",
        f"Total {name}",
        f"{name} (sum of {r.choice(['Amount', 'Revenue', 'Qty'])})",
        f"{name} admin portal – login",
        f"{name} VPN credentials",
    ])  # fmt: skip


def _people(r: random.Random, p: Parts, name: str) -> str:
    job = p.fake.job()
    years = sorted(r.sample(range(2005, 2026), 2))
    return r.choice([
        f"{job}, {name} ({years[0]}–{years[1]})",
        f"{p.person()} | {job} | {name} | {p.fake.phone_number()}",
        f"Q: Current employer? A: {name}",
        f"Meeting with {name} re: budget – {p.time()}",
        f"{p.date()} {p.time()} {r.choice(['CET', 'UTC', 'EST', 'HKT', 'GMT', 'PST'])} – call with {name}",
        f"{p.person()} — {name}",
        f"{name} {p.person()}",
    ])  # fmt: skip


def _other_lang(r: random.Random, p: Parts, name: str) -> str:
    return r.choice([
        f"取引先：{name}",
        f"거래처: {name}",
        f"Контрагент: {name}",
        f"Empresa: {name} – CIF {p.fake.bothify('B########')}",
        f"Rechnung Nr. {r.randint(1000, 99999)} – {name}",
        f"Facture {p.ref()} – {name} – {p.amount()}",
        f"Fornitore: {name}",
        f"Werkgever: {name}",
    ])  # fmt: skip


def _machine(r: random.Random, p: Parts, name: str) -> str:
    slug = p.slug(name)[:24] or "app"
    app = re.sub(r"[^A-Za-z0-9]", "", name.title())[:16] or "App"
    return r.choice([
        f"Mozilla/5.0 (Linux; Android 13; SM-G991B) AppleWebKit/537.36 (KHTML, like Gecko) {app}/{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 99)} Mobile Safari/537.36",
        f"{app}/{r.randint(1, 9)}.{r.randint(0, 9)} (iPhone; iOS 17.{r.randint(0, 5)}; Scale/3.00)",
        f"CN=*.{slug}.com, O={name}, L={p.fake.city()}, C={p.fake.country_code()}",
        f"Registrant Organization: {name}",
        f"{slug}.com. 3600 IN MX 10 mail.{slug}.com.",
        f"(?i)\\b{re.escape(name.lower())}\\b",
        f"name ILIKE '%{name.lower()}%'",
        f"otpauth://totp/{name}:{p.fake.user_name()}?secret=JBSWY3DPEHPK3PXP&issuer={name}",
        f"ORG:{name};",
        f"SUMMARY:Call with {name}",
    ])  # fmt: skip


def _notice(r: random.Random, p: Parts, name: str) -> str:
    return r.choice([
        f"[{name}] Your verification code is {r.randint(100000, 999999)}. Do not share it.",
        f"{name}: your parcel {p.ref()} will arrive {p.date()}. Reply STOP to opt out",
        f"Your card ending {r.randint(1000, 9999)} was charged {p.amount()} at {name}",
        f"{name} <no-reply@{p.slug(name)[:20] or 'mail'}.com>: Password reset",
        f"{name} — Sign in",
        f"Dashboard · {name}",
        f"{name} Customer Portal - Google Chrome",
    ])  # fmt: skip


def _payment(r: random.Random, p: Parts, name: str) -> str:
    slug = p.slug(name)[:20] or "shop"
    coin = r.choice(["BTC", "ETH", "USDT", "USDC", "LTC"])
    return r.choice([
        f"upi://pay?pa={slug}@okaxis&pn={name}&am={r.randint(1, 9999)}.00&cu=INR",
        f"https://paypal.me/{slug}/{r.randint(5, 500)}",
        f"{name} received {r.uniform(0.001, 2):.4f} {coin} ({p.fake.sha1()[:10]}…)",
        f"Withdrawal to {name} · {r.uniform(1, 5000):.2f} {coin} · Completed",
        f"{name.upper()[:18]}*SUBSCRIPTION {p.fake.phone_number()} {p.fake.state_abbr()}",
        f"{r.choice(['Row Labels', 'Grand Total', 'Sum of Amount'])} {name}",
        f"{name} — {r.choice(['Monthly plan', 'Annual licence', 'Late fee', 'Shipping'])} {p.amount()}",
    ])  # fmt: skip


def _records(r: random.Random, p: Parts, name: str) -> str:
    f, slug = p.fake, p.slug(name)[:24] or "site"
    cc, person = f.country_code(), p.person()
    return r.choice([
        f"CN={slug}.com, O={name}, OU=IT, L={f.city()}, ST={f.state()}, C={cc}",
        f"subject=/C={cc}/ST={f.state()}/O={name}/CN=www.{slug}.com",
        f"Registrant Organization: {name} Registrant Country: {cc}",
        f"Registrar: {r.choice(['GoDaddy.com, LLC', 'NameCheap, Inc.', 'Tucows Domains Inc.', 'Gandi SAS'])} Registrant: {name}",
        f'{slug}.com. 300 IN TXT "v=spf1 include:_spf.google.com ~all"',
        f"BEGIN:VCARD VERSION:3.0 FN:{person} ORG:{name} TITLE:{f.job()} TEL;TYPE=WORK:{f.phone_number()} END:VCARD",
        f"DTSTART:{p.fake.date_time().strftime('%Y%m%dT%H%M%SZ')} SUMMARY:{name} sync LOCATION:Zoom",
        f"W-9 {name} EIN {r.randint(10, 99)}-{r.randint(1000000, 9999999)}",
        f"1099-NEC Payer: {name} TIN {r.randint(10, 99)}-{r.randint(1000000, 9999999)}",
        f"【{name}】您的验证码是{r.randint(100000, 999999)}，5分钟内有效。",
        f"[{p.date()}, {p.time()}] {p.fake.first_name()}: {name} sent the PO",
        f"{name} ({p.fake.user_name()}@{slug}.com)",
        f"{slug}.com - {p.fake.user_name()}",
        f"(?i)^{re.escape(name)}.*$",
        f"*{name.upper()}*",
        f"{name} Total",
        f"{r.choice(['AMZN Mktp US*', 'TST* ', 'SQ *', 'PAYPAL *', 'CKO*', 'DNH*'])}{name.upper()[:16]} {p.fake.city().upper()[:12]} {f.state_abbr()}",
        f"ethereum:0x{p.fake.sha1()[:40]}?label={name}",
        f"bitcoin:bc1q{p.fake.sha1()[:30]}?amount=0.{r.randint(1, 99999)}&label={name}",
        f"Which company do you work for? {name}",
        f"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 {name.replace(' ', '')}/{r.randint(1, 9)}.{r.randint(0, 9)}",
        f"okhttp/4.{r.randint(1, 12)}.0 {name.replace(' ', '')}Android/{r.randint(1, 9)}.{r.randint(0, 9)}",
    ])  # fmt: skip


WRAPS: dict[str, Callable[[random.Random, Parts, str], str]] = {
    "ledger": _ledger,
    "email": _email,
    "file": _file,
    "log": _log,
    "form": _form,
    "address": _address,
    "chat": _chat,
    "web": _web,
    "chinese": _chinese,
    "statement": _statement,
    "invoice": _invoice,
    "label": _label,
    "people": _people,
    "other_language": _other_lang,
    "machine": _machine,
    "notice": _notice,
    "payment": _payment,
    "records": _records,
}


def _names(rng: random.Random) -> list[str]:
    from faker import Faker

    pool: list[str] = []
    for path in SOURCES:
        lines = path.read_text(encoding="utf-8").splitlines()
        pool += [x.strip() for x in lines if x.strip() and not x.startswith("#")]
    pool = [name for name in pool if not _WRAPPED.search(name)]
    for seed, locale in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(SEED + seed)
        pool += [fake.company() for _ in range(150)]
    names = sorted(set(pool))
    rng.shuffle(names)
    return names[:ROWS]


def main(argv: list[str]) -> None:
    rng = random.Random(SEED)
    parts = Parts(rng)
    kinds = sorted(WRAPS)
    rows = []
    for i, name in enumerate(_names(rng)):
        kind = kinds[i % len(kinds)]
        line = " ".join(WRAPS[kind](rng, parts, name).split())  # one line, single spaces
        if "\\u" in line:  # the mix's format reads '\u' as an escape: a path with '/' instead
            line = line.replace("\\", "/")
        rows.append((line, name, kind))
    header = "# Other companies' names as lines of text (tools/wrapped_mix.py)."
    OUT.write_text("\n".join([header, *(line for line, _, _ in rows)]) + "\n", encoding="utf-8")
    if "--pairs" in argv:
        pairs = Path(argv[argv.index("--pairs") + 1])
        pairs.write_text("".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows), encoding="utf-8")
    print(f"{len(rows)} lines written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
