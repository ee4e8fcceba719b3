# Per-department mean of the raw answers in each dimension, with jq: the benchmark's jq
# contender (bench/run.sh). Means only: no reverse scoring, no per-respondent scores, no
# ceil(k/2) rule, no validation; "na" and skipped items are left out. The dimension is the
# question id's part before the first dot, as in the built-in questionnaire.
#
#   jq -n -f bench/department_means.jq answers.jsonl
#
# -n with `inputs` streams the file one answer set at a time (no slurping), so memory
# stays small however many lines there are. Of the forms tried with jq 1.6 this was the
# fastest: jq's time goes into updating the accumulator once per answered item (a nested
# `.sum += ...` / `.n += 1` pair took 45% longer, a per-set group_by about as long).
# Prints {"DEPARTMENT": {"DIMENSION": MEAN, ...}, ...}.
reduce (inputs
        | .respondent.department as $department
        | .answers | to_entries[]
        | select(.value | type == "number")
        | [$department, (.key | split(".")[0]), .value]) as [$department, $dimension, $value] ({};
  .[$department][$dimension] |= (if . == null then [$value, 1] else [.[0] + $value, .[1] + 1] end))
| map_values(map_values(.[0] / .[1]))
