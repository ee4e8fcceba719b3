// A fixed set of threads that run tasks, and hand them back in the order they were given,
// so that results read on several cores are merged exactly as they would be on one. The
// thread that waits runs queued tasks itself meanwhile: it is one of the workers, and
// does not sleep and wake (which costs far more than a task on some virtual machines).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace centric {

class OrderedWorkers {
 public:
  // A task gets the index of the thread running it, so that it can use that thread's own
  // state: below `threads` for the threads started here, `threads` for the waiting one.
  using Task = std::function<void(unsigned worker)>;

  explicit OrderedWorkers(unsigned threads);
  ~OrderedWorkers();  // lets running tasks finish, drops queued ones
  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  void submit(Task task);
  // Tasks submitted and not yet waited for.
  std::size_t pending() const { return order_.size(); }
  // Runs queued tasks until the oldest of them is done; rethrows what it threw.
  void wait_oldest();

 private:
  struct Job {
    Task task;
    bool done = false;
    std::exception_ptr error;
  };
  void work(unsigned worker);
  void run(Job& job, unsigned worker);

  std::mutex mutex_;
  std::condition_variable queued_;
  std::condition_variable finished_;
  std::deque<std::shared_ptr<Job>> queue_;  // not started yet
  std::deque<std::shared_ptr<Job>> order_;  // submitted, not yet waited for
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace centric
