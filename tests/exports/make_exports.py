#!/usr/bin/env python3
"""Writes realistic exports of five form tools, and the answer sets they hold as the truth.

  make_exports.py --questionnaire questionnaires/customer-centricity.json --out DIR [--seed N]

From a seeded random set of answer sets (listed departments written by their names in the
four languages and in odd cases, client departments the questionnaire does not list,
roles in words of the four languages, skipped answers, "not applicable"), it writes for
each export EXPORT (DIR/NAME.csv, .tsv or .xlsx):

  DIR/NAME.truth.jsonl   the same answer sets as centric-answers/1, one per line, in row
                         order, as import.md §3 says the export must be read: a listed
                         department by its id, a client department by its spelling seen
                         most often, the time in ISO 8601 where the tool's text is one
  DIR/manifest.json      [{"export": FILE, "truth": FILE, "tool": ..., "sheet": NAME or
                           null, "mapping": FILE or null (to pass with --mapping), "sets": N,
                           "columns": N, "variants": whether one client department is
                           spelled two ways, "personal_columns": [their headers],
                           "personal": [every value of a personal or free-text column, none
                           of which may appear in anything centric writes]}]

The exports are laid out as each tool writes them (import.md §2-§3):
  Google Forms      "Timestamp"/"Sygnatura czasowa", "Email Address", linear-scale questions
                    (numbers, here with number labels "12. ...") and multiple-choice grids
                    ("Grid title [row text]", labels), a free-text question; comma, LF or
                    CRLF, no BOM.
  Microsoft Forms   XLSX written by openpyxl: ID, Start time, Completion time (dates),
                    Email, Name, Last modified time; Likert statements one column each
                    (labels), rating questions as numbers (some stored as 4.0); a second
                    workbook whose answers are on its second sheet (--sheet).
  LimeSurvey        full-text headings: Response ID, Date submitted, Last page, Start
                    language, Seed, Date started, Date last action, IP address, Referrer
                    URL; arrays "Grid title [row text]"; ';'-separated UTF-8 with a BOM.
  SurveyMonkey      two header rows (row 2: Response / Open-Ended Response / the matrix
                    rows), Respondent ID, Collector ID, Start Date, End Date, IP Address,
                    Email Address, First Name, Last Name, Custom Data 1; "5 - Strongly
                    agree" answers, "Q12." number labels; UTF-8 with a BOM, CRLF.
  Qualtrics         three header rows ({"ImportId": ...} in row 3), StartDate, EndDate,
                    Status, IPAddress, Progress, Duration (in seconds), Finished,
                    RecordedDate, ResponseId, Recipient*, ExternalReference, Location*,
                    DistributionChannel, UserLanguage; "Grid title - row text"; labels in a
                    CSV, numbers in a TSV in UTF-16 LE with a BOM (Excel's "Unicode text").
"""
import argparse
import codecs
import csv
import datetime
import io
import json
import random
import sys

LANGS = ["en", "pl", "ru", "hu"]

# Words import.md §3 knows, per language.
NA_WORDS = {"en": ["N/A", "Not applicable", "n/a"], "pl": ["Nie dotyczy"], "ru": ["Не применимо", "Неприменимо"],
            "hu": ["Nem értelmezhető", "Nem releváns"]}
ROLE_WORDS = {
    "en": {"leader": ["Leader", "leader"], "employee": ["Employee", "EMPLOYEE"]},
    "pl": {"leader": ["Lider", "Kierownik"], "employee": ["Pracownik"]},
    "ru": {"leader": ["Руководитель"], "employee": ["Сотрудник", "сотрудник"]},
    "hu": {"leader": ["Vezető"], "employee": ["Munkatárs", "Beosztott"]},
}
HEADER = {
    "department": {"en": "Department", "pl": "Dział", "ru": "Отдел", "hu": "Osztály"},
    "role": {"en": "Role", "pl": "Rola", "ru": "Роль", "hu": "Szerep"},
    "comment": {"en": "Any other comments?", "pl": "Uwagi", "ru": "Комментарии", "hu": "Megjegyzések"},
    "name": {"en": "Your name", "pl": "Imię i nazwisko", "ru": "Ваше имя", "hu": "Az Ön neve"},
}
# Client departments the questionnaire does not list: a main spelling and a variant that
# equals it once normalised (case, white space).
CLIENT_DEPARTMENTS = [("Web shop", "WEB  SHOP"), ("Sklep Kraków", "sklep kraków"), ("Магазин №3", "МАГАЗИН №3"),
                      ("Budapesti iroda", " budapesti IRODA ")]
FIRST = ["Anna", "Zofia", "Piotr", "Ivan", "Olga", "Bence", "Réka", "John", "Mary", "Ágnes"]
LAST = ["Kowalska", "Nowak", "Petrov", "Smirnova", "Nagy", "Kovács", "Smith", "Brown"]


class Maker:
    def __init__(self, questionnaire, seed):
        self.q = questionnaire
        self.rng = random.Random(seed)
        self.questions = [(d, qq) for d in questionnaire["dimensions"] for qq in d["questions"]]
        self.departments = questionnaire["departments"]
        self.personal_serial = 0

    # --- answer sets -------------------------------------------------------------------

    def answer_sets(self, count, allow_na=True, variants=False):
        """Sets with a department spelling (what the export shows) and the truth's department."""
        rng = self.rng
        listed = rng.sample(self.departments, 4)
        client = rng.sample(CLIENT_DEPARTMENTS, 2)
        sets = []
        for i in range(count):
            k = i % 6
            if k < 4:
                d = listed[k]
                # Its id, or its name in any language, in odd cases and spacing.
                spelling = rng.choice([d["id"]] + list(d["name"].values()))
                spelling = rng.choice([spelling, spelling.upper(), spelling.lower(), "  " + spelling + " "])
                truth = d["id"]
            else:
                main, variant = client[k - 4]
                # With variants, another spelling is written in a minority of rows, never
                # first: the main spelling is the one seen most often, and first.
                spelling = variant if variants and (i // 6) % 3 == 2 else main
                truth = main
            role = rng.choice(["leader", "employee", "employee", None])
            answers = {}
            for _, qq in self.questions:
                r = rng.random()
                if r < 0.08:
                    continue  # skipped
                if qq.get("audience") == "leaders" and role == "employee":
                    continue  # a form's section for leaders, not shown to employees
                if r < 0.14 and allow_na:
                    answers[qq["id"]] = "na"
                else:
                    answers[qq["id"]] = rng.randint(1, 5)
            when = datetime.datetime(2026, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                                     rng.randint(0, 59), rng.randint(0, 59))
            self.personal_serial += 1
            n = self.personal_serial
            first, last = rng.choice(FIRST), rng.choice(LAST)
            sets.append({
                "department": spelling, "truth_department": truth, "role": role, "answers": answers, "when": when,
                "first": f"{first}{n:03}", "last": f"{last}-Priv{n:03}",
                "email": f"{first.lower()}.{n:03}.priv@example.com".replace("á", "a").replace("é", "e"),
                "ip": f"203.0.{113 + n // 250}.{n % 250 + 1}",
                # A comment with line breaks, quotes and the delimiters.
                "comment": (f"Private remark {n:03}: \"the \nboss\"; fine,\tthanks\r\nline 3" if n % 3 == 0
                            else f"Secret note {n:03}" if n % 3 == 1 else ""),
            })
        return sets

    def truth_line(self, s, rid=None, submitted=None):
        respondent = {}
        if rid is not None:
            respondent["id"] = rid
        respondent["department"] = s["truth_department"]
        if s["role"]:
            respondent["role"] = s["role"]
        out = {"format": "centric-answers/1",
               "questionnaire": {"id": self.q["id"], "version": self.q["version"]},
               "respondent": respondent, "complete": True}
        if submitted is not None:
            out["submitted_at"] = submitted
        out["answers"] = dict(s["answers"])
        return out

    def role_cell(self, s, lang):
        if not s["role"]:
            return ""
        return self.rng.choice(ROLE_WORDS[lang][s["role"]])

    def label(self, value, lang, style="label"):
        if value is None:
            return ""
        if value == "na":
            return self.rng.choice(NA_WORDS[lang])
        if style == "number":
            return str(value)
        text = self.q["scale"]["labels"][str(value)][lang]
        if style == "numbered":
            return f"{value} - {text}"
        return text

    @staticmethod
    def personal(s):
        return [v for v in (s["first"], s["last"], s["email"], s["ip"], s["comment"]) if v]


def text(localized, lang):
    return localized[lang] if isinstance(localized, dict) else localized


def write_csv(path, rows, delimiter=",", newline="\n", bom=False, encoding="utf-8", quote_all=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow(row)
    data = buffer.getvalue()
    if encoding == "utf-16-le":
        raw = codecs.BOM_UTF16_LE + data.encode("utf-16-le")
    else:
        raw = (codecs.BOM_UTF8 if bom else b"") + data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(raw)


def google_forms(m, out, name, lang, newline, variants):
    sets = m.answer_sets(42, variants=variants)
    stamp = "Timestamp" if lang == "en" else {"pl": "Sygnatura czasowa", "ru": "Отметка времени",
                                              "hu": "Időbélyeg"}[lang]
    email = {"en": "Email Address", "pl": "Adres e-mail", "ru": "Адрес электронной почты",
             "hu": "E-mail-cím"}[lang]
    header = [stamp, email, HEADER["name"][lang], HEADER["department"][lang], HEADER["role"][lang]]
    kinds = []  # per question: "scale" (a linear scale: numbers) or "grid" (labels)
    number = 0
    for d, qq in m.questions:
        number += 1
        if d is m.q["dimensions"][0]:  # the first dimension as linear scales, numbered
            header.append(f"{number}. {text(qq['text'], lang)}")
            kinds.append("scale")
        else:
            header.append(f"{text(d['name'], lang)} [{text(qq['text'], lang)}]")
            kinds.append("grid")
    header.append(HEADER["comment"][lang])
    rows = [header]
    truth = []
    personal = []
    for s in sets:
        w = s["when"]
        if lang == "en":  # 2026/11/20 10:15:00 AM GMT+1
            h12 = w.hour % 12 or 12
            stamp = f"{w:%Y/%m/%d} {h12}:{w:%M:%S} {'AM' if w.hour < 12 else 'PM'} GMT+1"
            iso = f"{w:%Y-%m-%dT%H:%M:%S}+01:00"
        else:  # 20.11.2026 10:15:00
            stamp = f"{w:%d.%m.%Y %H:%M:%S}"
            iso = f"{w:%Y-%m-%dT%H:%M:%S}"
        row = [stamp, s["email"], f"{s['first']} {s['last']}", s["department"], m.role_cell(s, lang)]
        for (d, qq), kind in zip(m.questions, kinds):
            v = s["answers"].get(qq["id"])
            row.append(m.label(v, lang, "number" if kind == "scale" else "label"))
        row.append(s["comment"])
        rows.append(row)
        truth.append(m.truth_line(s, submitted=iso))
        personal += m.personal(s)
    write_csv(f"{out}/{name}.csv", rows, newline=newline)
    return {"export": f"{name}.csv", "tool": "Google Forms", "columns": len(header), "variants": variants, "truth": truth, "personal": personal,
            "personal_columns": [email, HEADER["name"][lang], HEADER["comment"][lang]]}


def microsoft_forms(m, out, name, lang, second_sheet):
    import openpyxl

    sets = m.answer_sets(40)
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
              HEADER["department"][lang], HEADER["role"][lang]]
    kinds = []
    for d, qq in m.questions:
        header.append(text(qq["text"], lang))
        kinds.append("rating" if d is m.q["dimensions"][1] else "likert")
    header.append(HEADER["comment"][lang])
    rows = [header]
    truth = []
    personal = []
    for i, s in enumerate(sets, start=1):
        end = s["when"]
        start = end - datetime.timedelta(minutes=7, seconds=13)
        row = [i, start, end, s["email"], f"{s['first']} {s['last']}", None, s["department"] or None,
               m.role_cell(s, lang) or None]
        for (d, qq), kind in zip(m.questions, kinds):
            v = s["answers"].get(qq["id"])
            if v is None:
                row.append(None)
            elif kind == "rating" and v != "na":
                row.append(float(v) if i % 2 else v)  # 4.0 or 4: a number either way
            else:
                row.append(m.label(v, lang))
        row.append(s["comment"] or None)
        rows.append(row)
        truth.append(m.truth_line(s, rid=str(i), submitted=f"{end:%Y-%m-%dT%H:%M:%S}"))
        personal += m.personal(s)
    book = openpyxl.Workbook()
    sheet_name = None
    if second_sheet:
        summary = book.active
        summary.title = "Summary"
        summary.append(["Responses", len(sets)])
        summary.append(["Department", "Count"])  # a header-like row on the first sheet
        sheet_name = "Form1"
        ws = book.create_sheet(sheet_name)
    else:
        ws = book.active
        ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    book.save(f"{out}/{name}.xlsx")
    return {"export": f"{name}.xlsx", "tool": "Microsoft Forms", "columns": len(header), "sheet": sheet_name, "truth": truth,
            "personal": personal, "personal_columns": ["Email", "Name", HEADER["comment"][lang]]}


def limesurvey(m, out, name, lang):
    sets = m.answer_sets(36)
    header = ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started",
              "Date last action", "IP address", "Referrer URL", HEADER["department"][lang], HEADER["role"][lang]]
    for d, qq in m.questions:
        header.append(f"{text(d['name'], lang)} [{text(qq['text'], lang)}]")
    header.append(HEADER["comment"][lang])
    rows = [header]
    truth = []
    personal = []
    for i, s in enumerate(sets, start=1):
        w = s["when"]
        stamp = f"{w:%Y-%m-%d %H:%M:%S}"
        row = [str(i), stamp, "3", lang, str(m.rng.randint(10**8, 10**9)), stamp, stamp, s["ip"],
               f"https://intranet.example.com/{s['first']}", s["department"], m.role_cell(s, lang)]
        for _, qq in m.questions:
            row.append(m.label(s["answers"].get(qq["id"]), lang))
        row.append(s["comment"])
        rows.append(row)
        truth.append(m.truth_line(s, rid=str(i), submitted=f"{w:%Y-%m-%dT%H:%M:%S}"))
        personal += m.personal(s)
    write_csv(f"{out}/{name}.csv", rows, delimiter=";", bom=True, quote_all=True)
    return {"export": f"{name}.csv", "tool": "LimeSurvey", "columns": len(header), "truth": truth, "personal": personal,
            "personal_columns": ["IP address", "Referrer URL", HEADER["comment"][lang]]}


def surveymonkey(m, out, name, lang):
    sets = m.answer_sets(45)
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
            "Last Name", "Custom Data 1"]
    row1 = list(meta)
    row2 = [""] * len(meta)
    row1 += [f"Q1. Which {HEADER['department'][lang].lower()} do you work in?", "Q2. Do you manage people?"]
    row2 += ["Response", "Response"]
    number = 2
    for d in m.q["dimensions"]:
        number += 1
        if d is m.q["dimensions"][4]:  # single questions with number labels
            for qq in d["questions"]:
                row1.append(f"Q{number}. {text(qq['text'], lang)}")
                row2.append("Response")
                number += 1
        else:  # a matrix: its title once, over its rows
            for j, qq in enumerate(d["questions"]):
                row1.append(f"Q{number}. {text(d['name'], lang)}" if j == 0 else "")
                row2.append(text(qq["text"], lang))
    row1.append(f"Q{number}. {HEADER['comment'][lang]}")
    row2.append("Open-Ended Response")
    rows = [row1, row2]
    truth = []
    personal = []
    for i, s in enumerate(sets):
        end = s["when"]
        start = end - datetime.timedelta(minutes=4)
        # 11/20/2026 10:15:00 AM: month first; a date whose day and month could be swapped
        # (05/11/2026) is kept as written.
        def stamp(t):
            h12 = t.hour % 12 or 12
            return f"{t:%m/%d/%Y} {h12:02}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"
        ambiguous = end.day <= 12 and end.day != end.month
        iso = stamp(end) if ambiguous else f"{end:%Y-%m-%dT%H:%M:%S}"
        rid = str(114000000000 + i * 7919)
        role = "" if not s["role"] else ("Yes" if s["role"] == "leader" else "No")
        s["role_word"] = role
        row = [rid, "431234567", stamp(start), stamp(end), s["ip"], s["email"], s["first"], s["last"], "",
               s["department"], role]
        for _, qq in m.questions:
            row.append(m.label(s["answers"].get(qq["id"]), lang, "numbered"))
        row.append(s["comment"])
        rows.append(row)
        truth.append(m.truth_line(s, rid=rid, submitted=iso))
        personal += m.personal(s)
    write_csv(f"{out}/{name}.csv", rows, bom=True, newline="\r\n")
    # "Do you manage people?" Yes/No is the role only with a mapping, written beside it.
    mapping = {"format": "centric-mapping/1", "columns": {"Q2. Do you manage people?": "@role"},
               "roles": {"Yes": "leader", "No": "employee"}}
    with open(f"{out}/{name}.mapping.json", "w", encoding="utf-8") as f:
        json.dump(mapping, f, ensure_ascii=False, indent=2)
    return {"export": f"{name}.csv", "tool": "SurveyMonkey", "columns": len(row1), "truth": truth, "personal": personal,
            "mapping": f"{name}.mapping.json",
            "personal_columns": ["IP Address", "Email Address", "First Name", "Last Name", row1[-1]]}


def qualtrics(m, out, name, lang, numeric, variants):
    sets = m.answer_sets(40, allow_na=not numeric, variants=variants)
    meta = [("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/Warsaw"}'),
            ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/Warsaw"}'),
            ("Status", "Response Type", '{"ImportId":"status"}'),
            ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
            ("Progress", "Progress", '{"ImportId":"progress"}'),
            ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
            ("Finished", "Finished", '{"ImportId":"finished"}'),
            ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"Europe/Warsaw"}'),
            ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
            ("RecipientLastName", "Recipient Last Name", '{"ImportId":"recipientLastName"}'),
            ("RecipientFirstName", "Recipient First Name", '{"ImportId":"recipientFirstName"}'),
            ("RecipientEmail", "Recipient Email", '{"ImportId":"recipientEmail"}'),
            ("ExternalReference", "External Data Reference", '{"ImportId":"externalDataReference"}'),
            ("LocationLatitude", "Location Latitude", '{"ImportId":"locationLatitude"}'),
            ("LocationLongitude", "Location Longitude", '{"ImportId":"locationLongitude"}'),
            ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
            ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}')]
    row1 = [a for a, _, _ in meta] + ["Q1", "Q2"]
    row2 = [b for _, b, _ in meta] + [HEADER["department"][lang], HEADER["role"][lang]]
    row3 = [c for _, _, c in meta] + ['{"ImportId":"QID1_TEXT"}', '{"ImportId":"QID2"}']
    for g, d in enumerate(m.q["dimensions"], start=3):
        for j, qq in enumerate(d["questions"], start=1):
            row1.append(f"Q{g}_{j}")
            row2.append(f"{text(d['name'], lang)} - {text(qq['text'], lang)}")
            row3.append(f'{{"ImportId":"QID{g}_{j}"}}')
    row1.append("Q9")
    row2.append(HEADER["comment"][lang])
    row3.append('{"ImportId":"QID9_TEXT"}')
    rows = [row1, row2, row3]
    truth = []
    personal = []
    for i, s in enumerate(sets):
        end = s["when"]
        rid = f"R_{m.rng.getrandbits(60):015x}"
        row = [f"{end - datetime.timedelta(seconds=301):%Y-%m-%d %H:%M:%S}", f"{end:%Y-%m-%d %H:%M:%S}",
               "IP Address", s["ip"], "100", "301", "True", f"{end:%Y-%m-%d %H:%M:%S}", rid, s["last"], s["first"],
               s["email"], "", "50.0614", "19.9366", "anonymous", lang.upper(), s["department"],
               m.role_cell(s, lang)]
        for _, qq in m.questions:
            row.append(m.label(s["answers"].get(qq["id"]), lang, "number" if numeric else "label"))
        row.append(s["comment"])
        rows.append(row)
        truth.append(m.truth_line(s, rid=rid, submitted=f"{end:%Y-%m-%dT%H:%M:%S}"))
        personal += m.personal(s)
    if numeric:
        write_csv(f"{out}/{name}.tsv", rows, delimiter="\t", newline="\r\n", encoding="utf-16-le")
        export = f"{name}.tsv"
    else:
        write_csv(f"{out}/{name}.csv", rows, newline="\r\n")
        export = f"{name}.csv"
    return {"export": export, "tool": "Qualtrics", "columns": len(row1), "variants": variants, "truth": truth, "personal": personal,
            "personal_columns": ["IP Address", "Recipient Last Name", "Recipient First Name", "Recipient Email",
                                 HEADER["comment"][lang]]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--questionnaire", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    with open(args.questionnaire, encoding="utf-8") as f:
        q = json.load(f)
    m = Maker(q, args.seed)
    made = [
        google_forms(m, args.out, "google-forms-en", "en", "\n", variants=False),
        google_forms(m, args.out, "google-forms-pl", "pl", "\r\n", variants=True),
        microsoft_forms(m, args.out, "microsoft-forms-ru", "ru", second_sheet=False),
        microsoft_forms(m, args.out, "microsoft-forms-hu-second-sheet", "hu", second_sheet=True),
        limesurvey(m, args.out, "limesurvey-hu", "hu"),
        surveymonkey(m, args.out, "surveymonkey-en", "en"),
        qualtrics(m, args.out, "qualtrics-pl", "pl", numeric=False, variants=True),
        qualtrics(m, args.out, "qualtrics-en-numbers", "en", numeric=True, variants=False),
    ]
    manifest = []
    for e in made:
        truth_file = e["export"].rsplit(".", 1)[0] + ".truth.jsonl"
        with open(f"{args.out}/{truth_file}", "w", encoding="utf-8") as f:
            for line in e["truth"]:
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        manifest.append({"export": e["export"], "truth": truth_file, "tool": e["tool"], "sheet": e.get("sheet"), "columns": e["columns"],
                         "variants": e.get("variants", False),
                         "mapping": e.get("mapping"), "sets": len(e["truth"]), "personal_columns": e["personal_columns"],
                         "personal": e["personal"]})
    with open(f"{args.out}/manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
