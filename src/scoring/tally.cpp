#include <algorithm>
#include <cmath>

#include "centric/disclosure.hpp"
#include "centric/scoring.hpp"

namespace centric {
namespace {

// The item's position on the scale, after reversal.
int oriented(const Question& question, const Scale& scale, int v) {
  return question.reverse ? scale.min + scale.max - v : v;
}

double item_score(const Scale& scale, int v) { return 100.0 * (v - scale.min) / (scale.max - scale.min); }

std::size_t role_cell(Role role) {
  switch (role) {
    case Role::leader:
      return RoleCells::leader;
    case Role::employee:
      return RoleCells::employee;
    case Role::none:
      break;
  }
  return RoleCells::none;
}

}  // namespace

std::vector<std::optional<double>> respondent_scores(const Questionnaire& q, const AnswerSet& a) {
  std::vector<std::optional<double>> scores;
  respondent_scores(q, a, scores);
  return scores;
}

void respondent_scores(const Questionnaire& q, const AnswerSet& a, std::vector<std::optional<double>>& scores) {
  scores.clear();
  scores.reserve(q.dimensions.size());
  std::size_t flat = 0;
  for (const auto& d : q.dimensions) {
    const std::size_t first = flat;
    flat += d.questions.size();
    // Weights are taken relative to the largest answered one: the same weighted mean, and
    // no inf/inf when weights come near the largest double.
    double largest = 0;
    for (std::size_t k = 0; k < d.questions.size(); ++k)
      if (a.answers[first + k].answered()) largest = std::max(largest, d.questions[k].weight);
    double weighted = 0;
    double weights = 0;
    std::size_t answered = 0;
    for (std::size_t k = 0; k < d.questions.size(); ++k) {
      const Question& question = d.questions[k];
      const AnswerValue& v = a.answers[first + k];
      if (!v.answered()) continue;
      const double w = question.weight / largest;
      weighted += w * item_score(q.scale, oriented(question, q.scale, v.value));
      weights += w;
      ++answered;
    }
    // k: the questions the respondent was asked. An employee (or a respondent without a
    // role) is not asked a leaders-only question, so it does not count against them;
    // a respondent without a role who answered one anyway has it in the sum above.
    const std::size_t k = d.asked_count(a.respondent.role);
    // Clamped: a weighted mean of 100s may come out a hair above 100 in floating point.
    if (answered > 0 && answered >= (k + 1) / 2)
      scores.emplace_back(std::clamp(weighted / weights, 0.0, 100.0));
    else
      scores.emplace_back(std::nullopt);
  }
}

void DimensionTally::add_score(double s) {
  ++n;
  const double delta = s - mean;
  mean += delta / static_cast<double>(n);
  m2 += delta * (s - mean);
}

void DimensionTally::merge(const DimensionTally& o) {
  if (n == 0) {
    // Exactly the other's figures (the formula below may round them): a batch merged
    // into an empty tally, as the first of several are, stays bit for bit what it was.
    n = o.n;
    mean = o.mean;
    m2 = o.m2;
  } else if (o.n > 0) {
    const auto total = n + o.n;
    const double delta = o.mean - mean;
    mean += delta * static_cast<double>(o.n) / static_cast<double>(total);
    m2 += o.m2 + delta * delta * static_cast<double>(n) * static_cast<double>(o.n) / static_cast<double>(total);
    n = total;
  }
  for (std::size_t r = 0; r < scored_by_role.size(); ++r) {
    scored_by_role[r] += o.scored_by_role[r];
    answered_by_role[r] += o.answered_by_role[r];
  }
  favorable += o.favorable;
  neutral += o.neutral;
  unfavorable += o.unfavorable;
  full_n += o.full_n;
  for (std::size_t i = 0; i < item_sum.size(); ++i) {
    item_sum[i] += o.item_sum[i];
    item_sum_squares[i] += o.item_sum_squares[i];
    item_not_applicable[i] += o.item_not_applicable[i];
    item_dont_know[i] += o.item_dont_know[i];
  }
  total_sum += o.total_sum;
  total_sum_squares += o.total_sum_squares;
}

void GroupTally::merge(const GroupTally& o) {
  n += o.n;
  partial += o.partial;
  for (std::size_t r = 0; r < n_by_role.size(); ++r) n_by_role[r] += o.n_by_role[r];
  for (std::size_t i = 0; i < dimensions.size(); ++i) dimensions[i].merge(o.dimensions[i]);
}

Tally::Tally(const Questionnaire& q) : questionnaire_(&q) {
  organisation_ = empty_group();
  leaders_ = empty_group();
  employees_ = empty_group();
}

GroupTally Tally::empty_group() const {
  GroupTally g;
  for (const auto& d : questionnaire_->dimensions) {
    DimensionTally t;
    // Alpha is over the questions asked of everyone (formats.md §3.8).
    const std::size_t alpha_items = d.asked_count(Role::employee);
    t.item_sum.assign(alpha_items, 0);
    t.item_sum_squares.assign(alpha_items, 0);
    t.item_not_applicable.assign(d.questions.size(), 0);
    t.item_dont_know.assign(d.questions.size(), 0);
    g.dimensions.push_back(std::move(t));
  }
  return g;
}

void Tally::add(const AnswerSet& a) {
  const Questionnaire& q = *questionnaire_;
  const Scale& scale = q.scale;
  auto found = departments_.find(a.respondent.department);
  if (found == departments_.end()) found = departments_.emplace(a.respondent.department, empty_group()).first;
  GroupTally* groups[3] = {&organisation_, &found->second,
                           a.respondent.role == Role::leader     ? &leaders_
                           : a.respondent.role == Role::employee ? &employees_
                                                                 : nullptr};
  const std::size_t cell = role_cell(a.respondent.role);
  for (GroupTally* g : groups) {
    if (g == nullptr) continue;
    ++g->n;
    if (!a.complete) ++g->partial;
    ++g->n_by_role[cell];
  }

  respondent_scores(q, a, scores_);  // into a member: no allocation for each set
  const auto& scores = scores_;
  std::size_t flat = 0;
  for (std::size_t di = 0; di < q.dimensions.size(); ++di) {
    const Dimension& d = q.dimensions[di];
    const std::size_t first = flat;
    flat += d.questions.size();
    // Favourable and unfavourable are x >= 75 and x <= 25, decided in integers to stay
    // exact on scales whose item scores are not whole numbers.
    std::int64_t favorable = 0, neutral = 0, unfavorable = 0;
    bool all_answered = true;
    bool any_answered = false;
    std::int64_t total = 0;
    for (std::size_t qi = 0; qi < d.questions.size(); ++qi) {
      const AnswerValue& v = a.answers[first + qi];
      const bool for_everyone = d.questions[qi].asked_of(Role::employee);
      if (!v.answered()) {
        if (for_everyone) all_answered = false;
        // "na" and "dk" are scored alike, but counted apart (not published yet: a figure
        // per question must pass the disclosure rules first).
        const bool dk = v.kind == AnswerValue::Kind::dont_know;
        if (dk || v.kind == AnswerValue::Kind::not_applicable)
          for (GroupTally* g : groups)
            if (g != nullptr) ++(dk ? g->dimensions[di].item_dont_know : g->dimensions[di].item_not_applicable)[qi];
        continue;
      }
      any_answered = true;
      const int o = oriented(d.questions[qi], scale, v.value);
      const std::int64_t above = o - scale.min;
      const std::int64_t range = scale.max - scale.min;
      if (4 * above >= 3 * range)
        ++favorable;
      else if (4 * above <= range)
        ++unfavorable;
      else
        ++neutral;
      if (for_everyone) total += above;
    }
    for (GroupTally* g : groups) {
      if (g == nullptr) continue;
      DimensionTally& t = g->dimensions[di];
      if (scores[di]) {
        t.add_score(*scores[di]);
        ++t.scored_by_role[cell];
      }
      if (any_answered) ++t.answered_by_role[cell];
      t.favorable += favorable;
      t.neutral += neutral;
      t.unfavorable += unfavorable;
      if (all_answered && !t.item_sum.empty()) {
        ++t.full_n;
        std::size_t ai = 0;
        for (std::size_t qi = 0; qi < d.questions.size(); ++qi) {
          if (!d.questions[qi].asked_of(Role::employee)) continue;
          // Shifted to start at 0: variances do not change, and the sums stay small.
          const std::int64_t o = oriented(d.questions[qi], scale, a.answers[first + qi].value) - scale.min;
          t.item_sum[ai] += o;
          t.item_sum_squares[ai] += o * o;
          ++ai;
        }
        t.total_sum += total;
        t.total_sum_squares += total * total;
      }
    }
  }
}

void Tally::merge(const Tally& other) {
  organisation_.merge(other.organisation_);
  leaders_.merge(other.leaders_);
  employees_.merge(other.employees_);
  for (const auto& [id, group] : other.departments_) {
    // A cleared tally keeps its departments, empty: a batch's tally holds every department
    // its thread has seen, most of them with nothing in this batch.
    if (group.n == 0) continue;
    auto found = departments_.find(id);
    if (found == departments_.end())
      departments_.emplace(id, group);
    else
      found->second.merge(group);
  }
}

void Tally::merge_department(const std::string& from, const std::string& into) {
  if (from == into) return;
  auto node = departments_.extract(from);
  if (node.empty()) return;
  auto found = departments_.find(into);
  if (found == departments_.end()) {
    node.key() = into;
    departments_.insert(std::move(node));
  } else {
    found->second.merge(node.mapped());
  }
}

void Tally::clear() {
  organisation_.clear();
  leaders_.clear();
  employees_.clear();
  // A group with no answer set has had nothing added since it was last cleared.
  for (auto& [id, group] : departments_)
    if (group.n > 0) group.clear();
}

void GroupTally::clear() {
  n = 0;
  partial = 0;
  n_by_role = {};
  for (auto& d : dimensions) d.clear();
}

void DimensionTally::clear() {
  n = 0;
  mean = 0;
  m2 = 0;
  scored_by_role = {};
  answered_by_role = {};
  favorable = neutral = unfavorable = 0;
  full_n = 0;
  std::fill(item_sum.begin(), item_sum.end(), 0);
  std::fill(item_sum_squares.begin(), item_sum_squares.end(), 0);
  std::fill(item_not_applicable.begin(), item_not_applicable.end(), 0);
  std::fill(item_dont_know.begin(), item_dont_know.end(), 0);
  total_sum = total_sum_squares = 0;
}

}  // namespace centric
