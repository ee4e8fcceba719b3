// Answer sets folded into a Tally, batch by batch (AnswerInputs reads on several threads;
// io does not know scoring, so the two meet here).
#pragma once

#include <memory>

#include "centric/answers_io.hpp"
#include "centric/scoring.hpp"

namespace centric::cli {

class TallyFold final : public AnswerFold {
 public:
  explicit TallyFold(const Questionnaire& questionnaire) : tally_(questionnaire) {}

  std::unique_ptr<AnswerFold> empty_like() const override {
    return std::make_unique<TallyFold>(tally_.questionnaire());
  }
  void clear() override { tally_.clear(); }
  void add(const AnswerSet& answers) override { tally_.add(answers); }
  void merge(const AnswerFold& other) override { tally_.merge(static_cast<const TallyFold&>(other).tally_); }

  const Tally& tally() const { return tally_; }
  Tally& tally() { return tally_; }

 private:
  Tally tally_;
};

}  // namespace centric::cli
