#!/usr/bin/env python3
"""Attack the anonymity promise of centric's JSON report (formats.md §3.9) as a reader would.

Run by CTest, e.g.

    /usr/bin/python3 tests/anonymity/check_recoverability.py --centric build/centric \
        --work-dir /tmp/anonymity [--count 300] [--seed 1] [--org 17]
    /usr/bin/python3 tests/anonymity/check_recoverability.py --self-test

An independent reader of formats.md §2, §3.3, §3.8, §3.9 and §4. It generates many small
random organisations (seeded: departments of 1-12 respondents, leaders / employees / no
role in varied mixes, respondents who answer only part of a dimension), the five
structures of the issue and a few large organisations, has the binary write the JSON
report of each, and reads from the report ONLY which figures are published (null or not):

  * answer-set population (a group's n / partial): the organisation, every department
    that is not suppressed, the leaders and the employees when `roles` is not null;
  * per dimension d, P_d: the respondents whose S_d is defined (at least ceil(k/2) of the
    k questions answered with a number; computed here from the generated answers): a shown
    group publishes it when its dimensions[d] is not null;
  * per dimension d, F_d: the respondents who answered at least one item of d (favorable /
    neutral / unfavorable count every answered item, §3.8): published on the same condition.

The reader knows how many leaders, employees and people without a role each department
has, so the respondents are cells (department x role). For each population, a union of
non-empty cells holding 1..min_group-1 respondents is recoverable when its indicator
vector is a linear combination of the published groups' indicator vectors (all restricted
to the population): exact rational arithmetic (null space of the published groups'
matrix), checked with numpy. So is a set of such cells that holds the whole support of a
non-zero combination with any weights (d1 - leaders can be one employee minus one leader;
the sums of squares behind sd then give both): the groups' matrix loses rank without those
columns. Respondents of one cell are alike to every group, so a
recoverable set is always a union of cells, and every union of at most min_group-1 cells
of total size 1..min_group-1 is tried.

Also checked: a suppressed department has only id, n and suppressed; the suppressed
departments are the ones of the n rule (with the complementary rule); a shown group whose
P_d is not empty but whose dimensions[d] is null shows no overall score; no shown group's
dimension describes 1..min_group-1 respondents; no recommendation or gap of a hidden
figure; the counts the report prints are the ones of the generated answers; and "never more
than needed": where publishing everything the n rule allows recovers nothing, nothing
more is hidden (in particular, in the large organisations nothing is hidden at all).

Each violation is printed with the organisation (departments x roles x sizes), the
population, the recovered cells and how they are recovered, and the command line that
reproduces it; the .jsonl of an organisation with a violation is kept in the work
directory. The last line is "checked N organisations, M violations". Exit status: 1 when
anything was violated (or the binary failed), else 0.

--self-test runs no binary: it feeds the checker synthetic reports built here (one that
publishes Employees and Sales where Employees - Sales is one person, and others that break
one rule each) and asserts that each is flagged, and that a safe report passes.

Needs python3-numpy (Debian).
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
from collections import Counter
from fractions import Fraction

import numpy as np

ROLES = ("leader", "employee", None)
ROLE_WORD = {"leader": "leaders", "employee": "employees", None: "no role"}
ORG = ("organisation",)
LEADERS = ("role", "leader")
EMPLOYEES = ("role", "employee")
ANSWER_SETS = "answer sets"
# The bundled questionnaire's departments, and one that is not in its list.
DEPARTMENT_IDS = ["management", "sales", "marketing", "customer-service", "logistics", "finance",
                  "production", "quality", "it", "hr", "administration", "research-development", "legal"]


# ---------------------------------------------------------------------------------------
# The questionnaire and the generated organisations


class Questionnaire:
    def __init__(self, document):
        self.id = document["id"]
        self.version = document["version"]
        self.low = document["scale"]["min"]
        self.high = document["scale"]["max"]
        self.not_applicable = bool(document["scale"].get("not_applicable", False))
        self.dimensions = [(d["id"], [question["id"] for question in d["questions"]])
                           for d in document["dimensions"]]
        self.dimension_ids = [d for d, _ in self.dimensions]
        self.questions = dict(self.dimensions)
        # Questions asked of leaders only (formats.md §1): an employee's answer to one is not
        # counted, and it is not among the k questions of anyone but a leader.
        self.leaders_only = {question["id"] for d in document["dimensions"] for question in d["questions"]
                             if question.get("audience") == "leaders"}

    def asked(self, dimension, role):
        """The questions of the dimension asked of a respondent of this role."""
        return [q for q in self.questions[dimension] if role == "leader" or q not in self.leaders_only]


class Respondent:
    def __init__(self, rid, department, role, answers, complete=True):
        self.id = rid
        self.department = department
        self.role = role
        self.answers = answers
        self.complete = complete

    def counted(self, questionnaire, dimension):
        """The questions whose answers count: all, except an employee's leaders-only ones."""
        if self.role == "employee":
            return questionnaire.asked(dimension, "employee")
        return questionnaire.questions[dimension]

    def answered(self, questionnaire, dimension):
        """Number of questions of the dimension answered with a number ("na" and "dk" do not count)."""
        return sum(1 for question in self.counted(questionnaire, dimension)
                   if isinstance(self.answers.get(question), int))

    def defined(self, questionnaire, dimension):
        """S is defined (§3.3): at least ceil(k/2) of the k questions asked answered (k: every
        question for a leader, the ones asked of everyone for anyone else)."""
        k = len(questionnaire.asked(dimension, self.role))
        return self.answered(questionnaire, dimension) >= (k + 1) // 2

    def line(self, questionnaire):
        respondent = {"id": self.id, "department": self.department}
        if self.role is not None:
            respondent["role"] = self.role
        return json.dumps({"format": "centric-answers/1",
                           "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
                           "respondent": respondent, "complete": self.complete, "answers": self.answers})


class Organisation:
    def __init__(self, label, min_group, respondents, large=False, reproduce=""):
        self.label = label
        self.min_group = min_group
        self.respondents = respondents
        self.large = large
        self.reproduce = reproduce
        self.departments = sorted({r.department for r in respondents}, key=lambda d: d.encode("utf-8"))

    def members(self, questionnaire, population):
        """The respondents of a population: ANSWER_SETS, ("P", d) or ("F", d)."""
        if population == ANSWER_SETS:
            return list(self.respondents)
        kind, dimension = population
        if kind == "P":
            return [r for r in self.respondents if r.defined(questionnaire, dimension)]
        return [r for r in self.respondents if r.answered(questionnaire, dimension) > 0]

    def cells(self, questionnaire, population):
        """Non-empty cells (department, role) of a population, with their sizes."""
        return Counter((r.department, r.role) for r in self.members(questionnaire, population))

    def table(self, questionnaire, population=None):
        everyone = Counter((r.department, r.role) for r in self.respondents)
        inside = self.cells(questionnaire, population) if population not in (None, ANSWER_SETS) else None
        lines = [f"    {'department':<22}{'leaders':>8}{'employees':>10}{'no role':>8}"
                 + (f"   | in {population_name(population)}: leaders employees no-role" if inside else "")]
        for d in self.departments:
            row = f"    {d:<22}" + "".join(f"{everyone[(d, role)]:>{w}}" for role, w in zip(ROLES, (8, 10, 8)))
            if inside is not None:
                row += "   |" + "".join(f"{inside[(d, role)]:>{w}}" for role, w in zip(ROLES, (8, 10, 8)))
            lines.append(row)
        return "\n".join(lines)


def population_name(population):
    if population == ANSWER_SETS:
        return "answer sets (n, partial)"
    kind, dimension = population
    if kind == "P":
        return f"P[{dimension}] (respondents whose S is defined: score, n, sd, ...)"
    return f"F[{dimension}] (respondents with an answered item: favorable/neutral/unfavorable)"


def short_population(population):
    return "answer sets" if population == ANSWER_SETS else f"{population[0]}[{population[1]}]"


def cell_name(cell):
    return f"{cell[0]} x {ROLE_WORD[cell[1]]}"


def group_name(group):
    if group == ORG:
        return "organisation"
    if group[0] == "department":
        return group[1]
    return ROLE_WORD[group[1]]


def in_group(group, cell):
    if group == ORG:
        return True
    if group[0] == "department":
        return cell[0] == group[1]
    return cell[1] == group[1]


# ---------------------------------------------------------------------------------------
# Generation


def answer_dimension(rng, questionnaire, questions, mode):
    """Answers to one dimension: "full", "defined" (ceil(k/2)..k-1), "undefined" (1..ceil(k/2)-1,
    mostly 1), "one", "none"."""
    k = len(questions)
    half = (k + 1) // 2
    if mode == "full":
        count = k
    elif mode == "defined":
        count = rng.randint(half, k - 1) if k > 1 else k
    elif mode == "undefined":
        count = 1 if rng.random() < 0.5 or half <= 1 else rng.randint(1, half - 1)
    elif mode == "one":
        count = 1
    else:
        count = 0
    answers = {}
    for question in rng.sample(questions, count):
        if questionnaire.not_applicable and mode == "full" and rng.random() < 0.04:
            answers[question] = "na"
        else:
            answers[question] = rng.randint(questionnaire.low, questionnaire.high)
    return answers


def respondent_answers(rng, questionnaire, sparse=None):
    if rng.random() < 0.02:
        return {}, rng.random() < 0.5
    answers = {}
    complete = True
    for dimension, questions in questionnaire.dimensions:
        u = rng.random()
        if dimension == sparse:
            mode = "none" if u < 0.45 else "one" if u < 0.7 else "full"
        else:
            mode = "full" if u < 0.8 else "defined" if u < 0.88 else "undefined" if u < 0.95 else "none"
        if mode != "full":
            complete = complete and rng.random() < 0.5
        answers.update(answer_dimension(rng, questionnaire, questions, mode))
    return answers, complete


def roles_for(rng, size, mix):
    if mix == "all-leader":
        roles = ["leader"] * size
    elif mix == "all-employee":
        roles = ["employee"] * size
    elif mix == "one-employee":
        roles = ["employee"] + ["leader"] * (size - 1)
    elif mix == "one-leader":
        roles = ["leader"] + ["employee"] * (size - 1)
    elif mix == "all-none":
        roles = [None] * size
    elif mix == "some-none":
        none = min(size, rng.randint(1, 4))
        roles = [None] * none + [rng.choice(("leader", "employee")) for _ in range(size - none)]
    else:
        share = rng.uniform(0.15, 0.6)
        roles = [None if rng.random() < 0.08 else "leader" if rng.random() < share else "employee"
                 for _ in range(size)]
    rng.shuffle(roles)
    return roles


def random_organisation(questionnaire, seed, index, centric_hint):
    rng = random.Random(f"centric-anonymity/{seed}/{index}")
    min_group = rng.choices((5, 3, 7), (0.7, 0.15, 0.15))[0]
    departments = rng.sample(DEPARTMENT_IDS, rng.randint(1, 6))
    sparse = rng.choice(questionnaire.dimension_ids) if rng.random() < 0.3 else None
    respondents = []
    for department in departments:
        size = rng.randint(1, 12)
        mix = rng.choice(("mixed", "mixed", "mixed", "all-leader", "all-employee", "one-employee",
                          "one-leader", "some-none", "all-none"))
        for role in roles_for(rng, size, mix):
            answers, complete = respondent_answers(rng, questionnaire, sparse)
            respondents.append(Respondent(f"r{len(respondents) + 1}", department, role, answers, complete))
    if rng.random() < 0.2:
        # One department where a single person answers a dimension.
        department = rng.choice(departments)
        dimension, questions = rng.choice(questionnaire.dimensions)
        people = [r for r in respondents if r.department == department]
        for person in people:
            for question in questions:
                person.answers.pop(question, None)
        chosen = rng.choice(people)
        chosen.answers.update(answer_dimension(rng, questionnaire, questions, rng.choice(("full", "one"))))
    return Organisation(f"random #{index}", min_group, respondents,
                        reproduce=f"{centric_hint} --seed {seed} --org {index}")


def large_organisation(questionnaire, seed, index, centric_hint):
    rng = random.Random(f"centric-anonymity-large/{seed}/{index}")
    respondents = []
    for department in rng.sample(DEPARTMENT_IDS, 4):
        size = rng.randint(20, 40)
        leaders = rng.randint(3, 10)
        for i in range(size):
            answers = {}
            for _, questions in questionnaire.dimensions:
                answers.update({q: rng.randint(questionnaire.low, questionnaire.high) for q in questions})
            respondents.append(Respondent(f"r{len(respondents) + 1}", department,
                                          "leader" if i < leaders else "employee", answers))
    return Organisation(f"large #{index}", 5, respondents, large=True,
                        reproduce=f"{centric_hint} --seed {seed} --large-org {index}")


def build(questionnaire, label, min_group, spec, reproduce="", answers=None):
    """spec: [(department, role, count)]; answers(i, department, role) -> answers (default: all)."""
    rng = random.Random(label)
    respondents = []
    for department, role, count in spec:
        for _ in range(count):
            if answers is None:
                given = {q: rng.randint(questionnaire.low, questionnaire.high)
                         for _, questions in questionnaire.dimensions for q in questions}
            else:
                given = answers(rng, len(respondents), department, role)
            respondents.append(Respondent(f"r{len(respondents) + 1}", department, role, given))
    return Organisation(label, min_group, respondents, reproduce=reproduce)


def issue_structures(questionnaire, centric_hint):
    """The five structures of the issue (formats.md §3.9)."""
    fixed = []
    hint = f"{centric_hint} --fixed-only"
    # (i) legal (4 leaders) and hr (1 employee) suppressed; Employees (11) - Sales (10) = hr's one.
    fixed.append(build(questionnaire, "issue (i): employees minus sales is hr's one employee", 5,
                       [("legal", "leader", 4), ("hr", "employee", 1), ("sales", "employee", 10),
                        ("it", "leader", 6)], hint))
    # (ii) ops: 5 leaders + 1 employee, and those 5 are all the organisation's leaders.
    fixed.append(build(questionnaire, "issue (ii): a department holding all the leaders plus one employee", 5,
                       [("logistics", "leader", 5), ("logistics", "employee", 1), ("sales", "employee", 8)],
                       hint))
    # (iii) two people without a role: organisation - leaders - employees.
    fixed.append(build(questionnaire, "issue (iii): two respondents without a role", 5,
                       [("sales", "leader", 5), ("sales", "employee", 3), ("sales", None, 1),
                        ("it", "leader", 2), ("it", "employee", 4), ("it", None, 1)], hint))
    # (iii') four without a role, in one department.
    fixed.append(build(questionnaire, "issue (iii'): four respondents without a role", 5,
                       [("sales", "leader", 6), ("sales", "employee", 7), ("hr", None, 4), ("hr", "employee", 2)],
                       hint))
    # (iv) a department of 5 where one person answered a dimension.
    lone_dimension, lone_questions = questionnaire.dimensions[1]

    def one_answers(rng, i, department, role):
        given = {q: rng.randint(questionnaire.low, questionnaire.high)
                 for d, questions in questionnaire.dimensions for q in questions if d != lone_dimension}
        if department == "sales" and i == 0:
            given.update({q: rng.randint(questionnaire.low, questionnaire.high) for q in lone_questions})
        return given
    fixed.append(build(questionnaire, f"issue (iv): one person of a department of 5 answered {lone_dimension}", 5,
                       [("sales", "employee", 3), ("sales", "leader", 2), ("it", "employee", 6)], hint,
                       answers=one_answers))
    # (v) two mixed departments with 2 leaders each, plus an all-leader department.
    fixed.append(build(questionnaire, "issue (v): two mixed departments with 2 leaders each and one of leaders", 5,
                       [("sales", "leader", 2), ("sales", "employee", 6), ("it", "leader", 2),
                        ("it", "employee", 5), ("management", "leader", 5)], hint))
    return fixed


# ---------------------------------------------------------------------------------------
# Linear algebra: which unions of cells are combinations of the published groups


def null_space(rows, columns):
    """An integer basis of {x : row . x = 0 for every row}, by exact Gauss-Jordan elimination."""
    matrix = [[Fraction(v) for v in row] for row in rows]
    pivots = []
    r = 0
    for c in range(columns):
        if r == len(matrix):
            break
        p = next((i for i in range(r, len(matrix)) if matrix[i][c] != 0), None)
        if p is None:
            continue
        matrix[r], matrix[p] = matrix[p], matrix[r]
        pivot = matrix[r][c]
        matrix[r] = [v / pivot for v in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][c] != 0:
                f = matrix[i][c]
                matrix[i] = [a - f * b for a, b in zip(matrix[i], matrix[r])]
        pivots.append(c)
        r += 1
    basis = []
    for free in (c for c in range(columns) if c not in pivots):
        x = [Fraction(0)] * columns
        x[free] = Fraction(1)
        for i, c in enumerate(pivots):
            x[c] = -matrix[i][free]
        scale = math.lcm(*(v.denominator for v in x))
        basis.append([int(v * scale) for v in x])
    if rows:
        # numpy's rank agrees with the exact elimination (rank + nullity = columns).
        assert np.linalg.matrix_rank(np.array(rows, dtype=float)) + len(basis) == columns
    return basis


_COEFFICIENTS = {}


def combination(rows, names, target):
    """How the target is made from the rows, as text (e.g. "employees - sales"): the fewest
    groups with coefficients +1/-1 when there is such a combination, else least squares."""
    g = len(rows)
    if g <= 10:
        if g not in _COEFFICIENTS:
            grid = np.array(np.meshgrid(*[[0, 1, -1]] * g, indexing="ij")).reshape(g, -1).T
            _COEFFICIENTS[g] = grid[np.argsort(np.count_nonzero(grid, axis=1), kind="stable")]
        grid = _COEFFICIENTS[g]
        made = grid @ np.array(rows, dtype=np.int64)
        match = np.nonzero(np.all(made == np.array(target, dtype=np.int64), axis=1))[0]
        if match.size:
            coefficients = [Fraction(int(v)) for v in grid[match[0]]]
        else:
            coefficients = None
    if g > 10 or coefficients is None:
        solution = np.linalg.lstsq(np.array(rows, dtype=float).T, np.array(target, dtype=float), rcond=None)[0]
        coefficients = [Fraction(float(v)).limit_denominator(1000) for v in solution]
    plus = [(name, f) for name, f in zip(names, coefficients) if f > 0]
    minus = [(name, f) for name, f in zip(names, coefficients) if f < 0]
    word = lambda name, f: name if abs(f) == 1 else f"{abs(f)}*{name}"
    text = " + ".join(word(n, f) for n, f in plus)
    for n, f in minus:
        text += (" - " if text else "-") + word(n, f)
    return text


def recoverable_sets(cells, groups, min_group, exempt_whole=False):
    """Unions of non-empty cells with 1..min_group-1 respondents whose indicator is a linear
    combination of the groups' indicators; smallest first. cells: Counter cell -> size (> 0);
    groups: [(name, [cells])]."""
    order = sorted(cells, key=lambda c: (c[0], ROLES.index(c[1])))
    if not groups or min_group <= 1:
        return []
    rows = [[1 if c in members else 0 for c in order] for _, members in groups]
    basis = np.array(null_space(rows, len(order)), dtype=np.int64).reshape(-1, len(order))
    small = [i for i, c in enumerate(order) if cells[c] <= min_group - 1]
    unions = []

    def extend(start, chosen, total):
        for j in range(start, len(small)):
            size = total + cells[order[small[j]]]
            if size <= min_group - 1:
                unions.append(chosen + [small[j]])
                extend(j + 1, chosen + [small[j]], size)
    extend(0, [], 0)
    if not unions:
        return []
    vectors = np.zeros((len(unions), len(order)), dtype=np.int64)
    for u, union in enumerate(unions):
        vectors[u, union] = 1
    inside = np.all(vectors @ basis.T == 0, axis=1) if basis.size else np.ones(len(unions), dtype=bool)
    found = []
    for u in np.nonzero(inside)[0]:
        union = unions[u]
        if exempt_whole and len(union) == len(order):
            continue
        chosen = [order[i] for i in union]
        found.append((sum(cells[c] for c in chosen), chosen, u))
    found.sort(key=lambda hit: (hit[0], len(hit[1])))
    if found:
        # How the smallest one is recovered.
        size, chosen, u = found[0]
        found[0] = (size, chosen, combination(rows, [name for name, _ in groups], vectors[u]))
    return found


def exact_rank(rows):
    """The rank of a small integer matrix, by exact elimination (rank = columns - nullity)."""
    if not rows or not rows[0]:
        return 0
    return len(rows[0]) - len(null_space(rows, len(rows[0])))


def small_supports(cells, groups, min_group, exempt_whole=False):
    """Sets of non-empty cells with 1..min_group-1 respondents that hold the whole support of
    some non-zero linear combination of the groups' indicators (weights need not be 0 or 1:
    department - leaders can be one employee minus one leader, and the sums of squares
    behind sd then give both their answers); smallest first. A set T holds such a support
    exactly when dropping T's columns lowers the rank of the groups' matrix."""
    order = sorted(cells, key=lambda c: (c[0], ROLES.index(c[1])))
    if not groups or min_group <= 1:
        return []
    rows = [[1 if c in members else 0 for c in order] for _, members in groups]
    full = exact_rank(rows)
    small = [i for i, c in enumerate(order) if cells[c] <= min_group - 1]
    found = []

    def extend(start, chosen, total):
        for j in range(start, len(small)):
            size = total + cells[order[small[j]]]
            if size > min_group - 1:
                continue
            union = chosen + [small[j]]
            if not (exempt_whole and len(union) == len(order)):
                kept = [k for k in range(len(order)) if k not in union]
                if exact_rank([[row[k] for k in kept] for row in rows]) < full:
                    found.append((size, [order[i] for i in union],
                                  "a combination of " + ", ".join(name for name, _ in groups)
                                  + " that depends on these cells alone"))
            extend(j + 1, union, size)
    extend(0, [], 0)
    found.sort(key=lambda hit: (hit[0], len(hit[1])))
    return found


# ---------------------------------------------------------------------------------------
# What a report publishes


class Publication:
    """What a report shows, by null / not null: suppressed departments, whether the role
    subgroups are shown, and per shown group the dimensions that are not null."""

    def __init__(self, suppressed, roles, dimensions, overall):
        self.suppressed = set(suppressed)
        self.roles = roles
        self.dimensions = dimensions  # group -> set of dimension ids not null
        self.overall = overall  # group -> overall score not null

    def groups(self, organisation):
        shown = [ORG] + [("department", d) for d in organisation.departments if d not in self.suppressed]
        return shown + ([LEADERS, EMPLOYEES] if self.roles else [])

    def published(self, organisation, population):
        groups = self.groups(organisation)
        if population != ANSWER_SETS:
            groups = [g for g in groups if population[1] in self.dimensions.get(g, set())]
        return groups


def read_publication(report, organisation, questionnaire, problems):
    """The Publication of a JSON report, and every structural problem of it in problems."""
    suppressed, dimensions, overall = set(), {}, {}

    def read_group(group, value):
        dims = value.get("dimensions")
        if not isinstance(dims, dict) or set(dims) != set(questionnaire.dimension_ids):
            problems.append(("report", None, f"{group_name(group)}: dimensions must have a key for every "
                                             f"dimension, got {sorted(dims) if isinstance(dims, dict) else dims!r}"))
            dims = dims if isinstance(dims, dict) else {}
        dimensions[group] = {d for d in questionnaire.dimension_ids if dims.get(d) is not None}
        score = (value.get("overall") or {}).get("score")
        overall[group] = score is not None

    read_group(ORG, report["organisation"])
    seen = set()
    for department in report["departments"]:
        did = department["id"]
        seen.add(did)
        if department.get("suppressed") is True:
            suppressed.add(did)
            if set(department) != {"id", "n", "suppressed"}:
                extra = sorted(set(department) - {"id", "n", "suppressed"})
                problems.append(("suppressed-figure", None,
                                 f"suppressed department {did} shows more than id, n and suppressed: {extra}"))
        else:
            read_group(("department", did), department)
    if seen != set(organisation.departments):
        problems.append(("report", None, f"departments in the report {sorted(seen)} are not the generated "
                                         f"ones {organisation.departments}"))
    roles = report.get("roles", "missing")
    if roles == "missing":
        problems.append(("report", None, "no `roles` key"))
        roles = None
    if roles is not None:
        read_group(LEADERS, roles["leaders"])
        read_group(EMPLOYEES, roles["employees"])
    return Publication(suppressed, roles is not None, dimensions, overall)


def group_value(report, group):
    if group == ORG:
        return report["organisation"]
    if group[0] == "department":
        return next(d for d in report["departments"] if d["id"] == group[1])
    return report["roles"]["leaders" if group == LEADERS else "employees"]


def n_rule(organisation, min_group):
    """The departments the n rule suppresses, with the complementary rule (§3.9)."""
    sizes = Counter(r.department for r in organisation.respondents)
    hidden = {d for d, n in sizes.items() if n < min_group}
    total = sum(sizes[d] for d in hidden)
    for n, d in sorted((sizes[d], d.encode("utf-8")) for d in sizes if d not in hidden):
        if total == 0 or total >= min_group:
            break
        hidden.add(d.decode("utf-8"))
        total += n
    return hidden


def widest_publication(organisation, questionnaire):
    """Everything the n rule allows: departments suppressed by it only, the role subgroups
    where both have min_group answer sets, every dimension with a defined D."""
    m = organisation.min_group
    hidden = n_rule(organisation, m)
    roles_count = Counter(r.role for r in organisation.respondents)
    roles = roles_count["leader"] >= m and roles_count["employee"] >= m
    publication = Publication(hidden, roles, {}, {})
    for group in publication.groups(organisation):
        publication.dimensions[group] = {
            d for d in questionnaire.dimension_ids
            if any(in_group(group, (r.department, r.role)) and r.defined(questionnaire, d)
                   for r in organisation.respondents)}
        publication.overall[group] = bool(publication.dimensions[group])
    return publication


def recoveries(organisation, questionnaire, publication):
    """[(population, size, cells, how)] for every population, smallest recoverable set each."""
    found = []
    populations = [ANSWER_SETS] + [(kind, d) for d in questionnaire.dimension_ids for kind in ("P", "F")]
    for population in populations:
        cells = organisation.cells(questionnaire, population)
        groups = [(group_name(g), [c for c in cells if in_group(g, c)])
                  for g in publication.published(organisation, population)]
        # The organisation is never suppressed (§3.9): its n and partial may describe fewer
        # than min_group respondents when it has fewer.
        hits = recoverable_sets(cells, groups, organisation.min_group, exempt_whole=population == ANSWER_SETS)
        if not hits:
            hits = small_supports(cells, groups, organisation.min_group, exempt_whole=population == ANSWER_SETS)
        if hits:
            found.append((population,) + hits[0] + (len(hits),))
    return found


# ---------------------------------------------------------------------------------------
# The checks of one report


def check_report(organisation, questionnaire, report):
    """Every violation of the report: [(kind, population or None, text)]."""
    problems = []
    m = organisation.min_group
    if report.get("min_group") != m:
        problems.append(("report", None, f"min_group is {report.get('min_group')!r}, expected {m}"))
    publication = read_publication(report, organisation, questionnaire, problems)
    if any(kind == "report" for kind, _, _ in problems):
        return problems

    # The counts the report prints are the generated ones (else this checker's populations
    # would not be the binary's).
    for group in publication.groups(organisation):
        value = group_value(report, group)
        members = [r for r in organisation.respondents if in_group(group, (r.department, r.role))]
        if value.get("n") != len(members):
            problems.append(("count", None, f"{group_name(group)}: n is {value.get('n')!r}, "
                                            f"the answers hold {len(members)}"))
        for d in publication.dimensions[group]:
            defined = sum(1 for r in members if r.defined(questionnaire, d))
            if value["dimensions"][d].get("n") != defined:
                problems.append(("count", ("P", d), f"{group_name(group)}.dimensions.{d}.n is "
                                 f"{value['dimensions'][d].get('n')!r}, {defined} respondents have S defined"))
    for department in report["departments"]:
        if department.get("suppressed") is True:
            n = sum(1 for r in organisation.respondents if r.department == department["id"])
            if department.get("n") != n:
                problems.append(("count", None, f"suppressed {department['id']}: n is {department.get('n')!r}, "
                                                f"the answers hold {n}"))

    # Whole departments are suppressed by the n rule only (§3.9 (b)).
    expected = n_rule(organisation, m)
    if publication.suppressed != expected:
        problems.append(("suppression-rule", ANSWER_SETS,
                         f"suppressed departments {sorted(publication.suppressed)}, the n rule (with the "
                         f"complementary one) suppresses {sorted(expected)}"))

    for group in publication.groups(organisation):
        value = group_value(report, group)
        members = [r for r in organisation.respondents if in_group(group, (r.department, r.role))]
        hidden_with_people = []
        for d in questionnaire.dimension_ids:
            defined = sum(1 for r in members if r.defined(questionnaire, d))
            answered = sum(1 for r in members if r.answered(questionnaire, d) > 0)
            if d in publication.dimensions[group]:
                for kind, size in (("P", defined), ("F", answered)):
                    if 1 <= size <= m - 1:
                        problems.append(("small-cell", (kind, d),
                                         f"{group_name(group)} shows {d} for {size} respondent(s) of "
                                         f"{short_population((kind, d))} (fewer than {m})"))
            elif defined > 0:
                hidden_with_people.append(d)
        # A group with a hidden dimension shows no overall score (§3.9 (a)).
        if hidden_with_people and publication.overall[group]:
            problems.append(("overall-with-hidden-dimension", None,
                             f"{group_name(group)} shows an overall score although {hidden_with_people} "
                             f"(defined for some of its respondents) is hidden"))
        for recommendation in value.get("recommendations") or []:
            if recommendation.get("dimension") not in publication.dimensions[group]:
                problems.append(("hidden-recommendation", None,
                                 f"{group_name(group)} has a recommendation for {recommendation.get('dimension')}, "
                                 f"whose figures it does not show"))

    # Gaps are figures too: only of shown figures (§3.10).
    gaps = report.get("gaps", {})
    for d in questionnaire.dimension_ids:
        if (gaps.get("leader_gap") or {}).get(d) is not None and not (
                publication.roles and d in publication.dimensions[LEADERS]
                and d in publication.dimensions[EMPLOYEES]):
            problems.append(("gap-of-hidden-figure", ("P", d),
                             f"leader_gap.{d} is shown, but the role subgroups' {d} are not"))
        shown = [g for g in publication.groups(organisation) if g[0] == "department"
                 and d in publication.dimensions[g]]
        if (gaps.get("silo_spread") or {}).get(d) is not None and len(shown) < 2:
            problems.append(("gap-of-hidden-figure", ("P", d),
                             f"silo_spread.{d} is shown, but only {len(shown)} department(s) show {d}"))

    # No union of cells with 1..min_group-1 respondents is a combination of published groups.
    for population, size, cells, how, count in recoveries(organisation, questionnaire, publication):
        problems.append(("recoverable", population,
                         f"{size} respondent(s) recovered: {', '.join(cell_name(c) for c in cells)} = {how}"
                         + (f" ({count} recoverable sets in all)" if count > 1 else "")))

    # Never more than needed: where publishing all the n rule allows recovers nothing,
    # nothing more is hidden.
    widest = widest_publication(organisation, questionnaire)
    if organisation.large:
        hidden = [f"{group_name(g)}.{d}" for g in publication.groups(organisation)
                  for d in questionnaire.dimension_ids if d not in publication.dimensions[g]]
        if publication.suppressed or not publication.roles or hidden:
            problems.append(("over-hiding", None,
                             f"a large organisation where nothing is at risk hides something: suppressed "
                             f"{sorted(publication.suppressed)}, roles {'shown' if publication.roles else 'null'}, "
                             f"null dimensions {hidden}"))
    # (A group's own figures describing 1..min_group-1 respondents are a recoverable set too.)
    if not recoveries(organisation, questionnaire, widest):
        missing = []
        if widest.roles and not publication.roles:
            missing.append("roles")
        for group in widest.groups(organisation):
            if group in publication.dimensions:
                missing += [f"{group_name(group)}.{d}" for d in sorted(widest.dimensions[group] -
                                                                       publication.dimensions[group])]
                if widest.overall[group] and not publication.overall[group]:
                    missing.append(f"{group_name(group)}.overall")
        if missing:
            problems.append(("over-hiding", None, f"nothing can be recovered when everything the n rule "
                                                  f"allows is shown, yet the report hides {missing}"))
    return problems


# ---------------------------------------------------------------------------------------
# Running the binary


def run_report(centric, organisation, questionnaire, path):
    with open(path, "w", encoding="utf-8") as out:
        for r in organisation.respondents:
            out.write(r.line(questionnaire) + "\n")
    result = subprocess.run([centric, "assess", path, "--format", "json", "--min-group",
                             str(organisation.min_group)], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"centric assess exited with {result.returncode}: {result.stderr.strip()[:500]}")
    return json.loads(result.stdout)


def describe(organisation, questionnaire, problems, path):
    print(f"VIOLATION in {organisation.label} (min_group {organisation.min_group}, "
          f"{len(organisation.respondents)} respondents; answers kept in {path})")
    print(f"  reproduce: {organisation.reproduce}")
    populations = []
    for kind, population, text in problems[:8]:
        print(f"  [{kind}] {short_population(population) if population else ''}: {text}")
        if population and population != ANSWER_SETS and population not in populations:
            populations.append(population)
    if len(problems) > 8:
        print(f"  ... and {len(problems) - 8} more")
    print(organisation.table(questionnaire))
    if populations:
        print(organisation.table(questionnaire, populations[0]))


def run(arguments):
    questionnaire_text = subprocess.run([arguments.centric, "questionnaire", "--json"], capture_output=True,
                                        text=True, check=True, timeout=60).stdout
    questionnaire = Questionnaire(json.loads(questionnaire_text))
    os.makedirs(arguments.work_dir, exist_ok=True)
    hint = (f"{sys.executable} {os.path.abspath(__file__)} --centric {arguments.centric} "
            f"--work-dir {arguments.work_dir}")
    organisations = []
    if arguments.org is not None:
        organisations.append(random_organisation(questionnaire, arguments.seed, arguments.org, hint))
    elif arguments.large_org is not None:
        organisations.append(large_organisation(questionnaire, arguments.seed, arguments.large_org, hint))
    else:
        organisations += issue_structures(questionnaire, hint)
        if not arguments.fixed_only:
            organisations += [random_organisation(questionnaire, arguments.seed, i, hint)
                              for i in range(arguments.count)]
            organisations += [large_organisation(questionnaire, arguments.seed, i, hint)
                              for i in range(arguments.large)]
    kinds = Counter()
    by_population = Counter()
    only_favorable = 0
    violating = 0
    shown = 0
    for index, organisation in enumerate(organisations):
        path = os.path.join(arguments.work_dir, f"org-{index}.jsonl")
        try:
            report = run_report(arguments.centric, organisation, questionnaire, path)
            problems = check_report(organisation, questionnaire, report)
        except (RuntimeError, ValueError, KeyError, TypeError, subprocess.TimeoutExpired) as error:
            problems = [("binary", None, f"{type(error).__name__}: {error}")]
        if organisation.large and not any(kind == "over-hiding" for kind, _, _ in problems):
            # The checker agrees that nothing is at risk in a large organisation.
            assert not recoveries(organisation, questionnaire, widest_publication(organisation, questionnaire)), \
                f"{organisation.label}: a large organisation is expected to be safe with everything shown"
        if problems:
            violating += 1
            kinds.update(kind for kind, _, _ in problems)
            where = {"answer sets" if p == ANSWER_SETS else p[0] for _, p, _ in problems if p}
            by_population.update(where)
            if where == {"F"} and all(p for _, p, _ in problems):
                only_favorable += 1
            if shown < arguments.show:
                describe(organisation, questionnaire, problems, path)
                shown += 1
        else:
            os.remove(path)
    if kinds:
        print("violations by kind: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))
        print("organisations with a violation in: " + ", ".join(
            f"{name} {by_population[key]}" for key, name in (("answer sets", "answer sets"),
                                                             ("P", "P[d] (scores)"),
                                                             ("F", "F[d] (favorable shares)")))
              + f"; in F[d] only: {only_favorable}")
    print(f"checked {len(organisations)} organisations (seed {arguments.seed}), "
          f"{sum(kinds.values())} violations in {violating} organisations")
    return 1 if violating else 0


# ---------------------------------------------------------------------------------------
# Self-test: synthetic reports


def synthetic_report(organisation, questionnaire, publication):
    """A report that publishes what the publication says (figures are placeholders; counts are true)."""
    def group(g):
        members = [r for r in organisation.respondents if in_group(g, (r.department, r.role))]
        dims = {}
        for d in questionnaire.dimension_ids:
            if d in publication.dimensions.get(g, set()):
                dims[d] = {"score": 50.0, "level": 3, "n": sum(1 for r in members if r.defined(questionnaire, d)),
                           "sd": 1.0, "ci95": [49.0, 51.0], "alpha": None, "favorable": 40.0, "neutral": 30.0,
                           "unfavorable": 30.0}
            else:
                dims[d] = None
        shown = publication.overall.get(g, False)
        return {"n": len(members), "partial": 0,
                "overall": {"score": 50.0 if shown else None, "level": 3 if shown else None,
                            "level_name": "x" if shown else None},
                "dimensions": dims,
                "recommendations": [{"dimension": d, "level": 3, "text": "..."} for d in sorted(dims) if dims[d]][:1]}

    departments = []
    for d in organisation.departments:
        if d in publication.suppressed:
            departments.append({"id": d, "n": sum(1 for r in organisation.respondents if r.department == d),
                                "suppressed": True})
        else:
            departments.append(dict({"id": d, "name": d, "suppressed": False}, **group(("department", d))))
    report = {"format": "centric-report/1", "min_group": organisation.min_group, "organisation": group(ORG),
              "departments": departments,
              "roles": {"leaders": group(LEADERS), "employees": group(EMPLOYEES)} if publication.roles else None,
              "gaps": {"silo_spread": {d: None for d in questionnaire.dimension_ids},
                       "leader_gap": {d: None for d in questionnaire.dimension_ids}}}
    return report


def self_test():
    failures = []

    def expect(name, condition, detail=""):
        print(f"{'ok  ' if condition else 'FAIL'} {name}" + (f": {detail}" if detail and not condition else ""))
        if not condition:
            failures.append(name)

    # A small questionnaire of the bundled shape: 2 dimensions of 4 and 3 questions.
    questionnaire = Questionnaire({"id": "t", "version": "1.0.0", "scale": {"min": 1, "max": 5, "not_applicable": True},
                                   "dimensions": [{"id": "a", "questions": [{"id": f"a.{i}"} for i in range(4)]},
                                                  {"id": "b", "questions": [{"id": f"b.{i}"} for i in range(3)]}]})
    dims = questionnaire.dimension_ids
    hint = "self-test"

    # S-definedness: ceil(k/2) answered, "na" not counted.
    r = Respondent("x", "d", None, {"a.0": 1, "a.1": "na", "a.2": 3, "b.0": 2})
    expect("S defined with ceil(4/2)=2 numbers of 4", r.defined(questionnaire, "a"))
    expect("S undefined with 1 of 3", not r.defined(questionnaire, "b") and r.answered(questionnaire, "b") == 1)

    # Leaders-only questions (formats.md §1): not among an employee's k, and an employee's
    # answer to one is not counted.
    lead = Questionnaire({"id": "t", "version": "1.0.0", "scale": {"min": 1, "max": 5},
                          "dimensions": [{"id": "a", "questions": [{"id": "a.0"}, {"id": "a.1"}, {"id": "a.2"},
                                                                   {"id": "a.3", "audience": "leaders"}]}]})
    employee = Respondent("e", "d", "employee", {"a.0": 1, "a.3": 5})
    leader = Respondent("l", "d", "leader", {"a.0": 1, "a.3": 5})
    nobody = Respondent("n", "d", None, {"a.0": 1, "a.3": 5})
    expect("an employee's leaders-only answer is not counted", employee.answered(lead, "a") == 1)
    expect("an employee needs ceil(3/2)=2 of the 3 asked", not employee.defined(lead, "a"))
    expect("a leader needs ceil(4/2)=2 of 4", leader.defined(lead, "a"))
    expect("no role: the answer counts, k is 3", nobody.answered(lead, "a") == 2 and nobody.defined(lead, "a"))

    # The exact null space agrees with numpy's rank on random 0/1 matrices.
    rng = random.Random(7)
    agree = True
    for _ in range(300):
        rows = [[rng.randint(0, 1) for _ in range(6)] for _ in range(rng.randint(1, 5))]
        target = [rng.randint(0, 1) for _ in range(6)]
        basis = null_space(rows, 6)
        exact = all(sum(b * t for b, t in zip(row, target)) == 0 for row in basis)
        numeric = np.linalg.matrix_rank(np.array(rows + [target])) == np.linalg.matrix_rank(np.array(rows))
        agree = agree and exact == numeric
    expect("exact span test agrees with numpy matrix_rank", agree)

    # Issue (i): legal 4 leaders, hr 1 employee (suppressed), sales 10 employees, it 6 leaders.
    org = build(questionnaire, "self-test (i)", 5, [("legal", "leader", 4), ("hr", "employee", 1),
                                                   ("sales", "employee", 10), ("it", "leader", 6)], hint)
    everything = {g: set(dims) for g in [ORG, ("department", "sales"), ("department", "it"), LEADERS, EMPLOYEES]}
    unsafe = Publication({"legal", "hr"}, True, everything, {g: True for g in everything})
    problems = check_report(org, questionnaire, synthetic_report(org, questionnaire, unsafe))
    hits = [text for kind, population, text in problems if kind == "recoverable" and population == ANSWER_SETS]
    expect("Employees and Sales published, Employees - Sales = hr's one employee: flagged",
           hits and hits[0].startswith("1 respondent(s) recovered: hr x employees = employees - sales"),
           repr(problems))
    safe = Publication({"legal", "hr"}, False, {g: everything[g] for g in everything if g[0] != "role"},
                       {g: True for g in everything if g[0] != "role"})
    problems = check_report(org, questionnaire, synthetic_report(org, questionnaire, safe))
    expect("the same organisation without the role subgroups passes", not problems, repr(problems))

    # Issue (iii): organisation - leaders - employees = the two without a role.
    org = build(questionnaire, "self-test (iii)", 5, [("sales", "leader", 5), ("sales", "employee", 3),
                                                     ("sales", None, 1), ("it", "leader", 2),
                                                     ("it", "employee", 4), ("it", None, 1)], hint)
    groups = [ORG, ("department", "sales"), ("department", "it"), LEADERS, EMPLOYEES]
    unsafe = Publication(set(), True, {g: set(dims) for g in groups}, {g: True for g in groups})
    problems = check_report(org, questionnaire, synthetic_report(org, questionnaire, unsafe))
    expect("organisation - leaders - employees = two without a role: flagged",
           any(kind == "recoverable" and "2 respondent(s)" in text for kind, _, text in problems), repr(problems))

    # A difference that is two people: d1 4 leaders + 1 employee, d2 1 leader + 4 employees.
    # No union of cells below 5 is recoverable, but d1 - leaders = d1's employee - d2's
    # leader, which with the sums of squares gives both their answers.
    org = build(questionnaire, "self-test difference", 5, [("d1", "leader", 4), ("d1", "employee", 1),
                                                          ("d2", "leader", 1), ("d2", "employee", 4)], hint)
    groups = [ORG, ("department", "d1"), ("department", "d2"), LEADERS, EMPLOYEES]
    unsafe = Publication(set(), True, {g: set(dims) for g in groups}, {g: True for g in groups})
    problems = check_report(org, questionnaire, synthetic_report(org, questionnaire, unsafe))
    expect("d1 - leaders = one employee minus one leader: flagged",
           any(kind == "recoverable" and "2 respondent(s)" in text for kind, _, text in problems), repr(problems))

    # Issue (iv): a department of 5 where one person answered dimension b; it shows b.
    def one_b(rng, i, department, role):
        given = {q: 3 for q in questionnaire.questions["a"]}
        if i == 0:
            given.update({q: 4 for q in questionnaire.questions["b"]})
        return given
    org = build(questionnaire, "self-test (iv)", 5, [("sales", "employee", 5), ("it", "employee", 6)], hint,
                answers=one_b)
    groups = [ORG, ("department", "sales"), ("department", "it")]
    unsafe = Publication(set(), False, {ORG: {"a", "b"}, ("department", "sales"): {"a", "b"},
                                        ("department", "it"): {"a"}}, {g: True for g in groups})
    problems = check_report(org, questionnaire, synthetic_report(org, questionnaire, unsafe))
    expect("a dimension shown for one person: flagged as small-cell",
           any(kind == "small-cell" and population == ("P", "b") for kind, population, _ in problems),
           repr(problems))
    hidden = Publication(set(), False, {ORG: {"a"}, ("department", "sales"): {"a"}, ("department", "it"): {"a"}},
                         {g: True for g in groups})
    problems = check_report(org, questionnaire, synthetic_report(org, questionnaire, hidden))
    expect("an overall score beside a hidden dimension: flagged",
           any(kind == "overall-with-hidden-dimension" for kind, _, _ in problems), repr(problems))
    hidden.overall = {ORG: False, ("department", "sales"): False, ("department", "it"): True}
    problems = check_report(org, questionnaire, synthetic_report(org, questionnaire, hidden))
    expect("the same with b and the overall scores hidden passes", not problems, repr(problems))

    # A suppressed department that shows a figure.
    org = build(questionnaire, "self-test suppressed", 5, [("sales", "employee", 6), ("hr", "employee", 2),
                                                          ("it", "employee", 7)], hint)
    publication = widest_publication(org, questionnaire)
    report = synthetic_report(org, questionnaire, publication)
    expect("the widest publication of a safe organisation passes", not check_report(org, questionnaire, report),
           repr(check_report(org, questionnaire, report)))
    next(d for d in report["departments"] if d["id"] == "hr")["overall"] = {"score": 40.0}
    expect("a suppressed department's figure: flagged",
           any(kind == "suppressed-figure" for kind, _, _ in check_report(org, questionnaire, report)))

    # Hiding more than needed in a large organisation.
    large = build(questionnaire, "self-test large", 5, [(d, role, 8) for d in ("sales", "it", "hr")
                                                         for role in ("leader", "employee")], hint)
    large.large = True
    publication = widest_publication(large, questionnaire)
    expect("the widest publication of a large organisation passes",
           not check_report(large, questionnaire, synthetic_report(large, questionnaire, publication)))
    publication.roles = False
    expect("a large organisation without its role subgroups: flagged as over-hiding",
           any(kind == "over-hiding" for kind, _, _ in
               check_report(large, questionnaire, synthetic_report(large, questionnaire, publication))))

    print(f"self-test: {len(failures)} failure(s)")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--centric", help="the centric binary")
    parser.add_argument("--work-dir", default="anonymity-check", help="where the .jsonl files are written")
    parser.add_argument("--count", type=int, default=300, help="random organisations (default 300)")
    parser.add_argument("--large", type=int, default=20, help="large organisations (default 20)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--org", type=int, help="check only this random organisation (of --seed)")
    parser.add_argument("--large-org", type=int, help="check only this large organisation (of --seed)")
    parser.add_argument("--fixed-only", action="store_true", help="check only the structures of the issue")
    parser.add_argument("--show", type=int, default=8, help="organisations with violations printed in full")
    parser.add_argument("--self-test", action="store_true", help="prove that the checker catches violations")
    arguments = parser.parse_args()
    if arguments.self_test:
        return self_test()
    if not arguments.centric:
        parser.error("--centric is required (or --self-test)")
    arguments.centric = os.path.abspath(arguments.centric)
    return run(arguments)


if __name__ == "__main__":
    sys.exit(main())
