#include "io/ordered_workers.hpp"

#include <utility>

namespace centric {

OrderedWorkers::OrderedWorkers(unsigned threads) {
  threads_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this, i] { work(i); });
}

OrderedWorkers::~OrderedWorkers() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  queued_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void OrderedWorkers::submit(Task task) {
  auto job = std::make_shared<Job>();
  job->task = std::move(task);
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(job);
  }
  order_.push_back(std::move(job));
  queued_.notify_one();
}

void OrderedWorkers::wait_oldest() {
  const std::shared_ptr<Job> oldest = std::move(order_.front());
  order_.pop_front();
  std::unique_lock lock(mutex_);
  while (!oldest->done) {
    if (queue_.empty()) {
      finished_.wait(lock, [&] { return oldest->done; });
      break;
    }
    const std::shared_ptr<Job> next = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    run(*next, static_cast<unsigned>(threads_.size()));
    lock.lock();
  }
  if (oldest->error) std::rethrow_exception(oldest->error);
}

void OrderedWorkers::run(Job& job, unsigned worker) {
  try {
    job.task(worker);
  } catch (...) {
    job.error = std::current_exception();
  }
  {
    std::lock_guard lock(mutex_);
    job.done = true;
  }
  finished_.notify_all();
}

void OrderedWorkers::work(unsigned worker) {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    run(*job, worker);
  }
}

}  // namespace centric
