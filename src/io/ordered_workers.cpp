#include "io/ordered_workers.hpp"

#include <utility>

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#endif

namespace centric {

namespace {

// Linux puts a new thread on its creator's CPU and moves it to an idle one only at a
// later balancing tick: measured here, the first worker shared the reading thread's CPU
// for 6 ms while the other CPU idled (5% of a 100k-set run). So each thread is moved at
// once to a CPU of its own, by allowing it that CPU alone, and then allowed every CPU
// again: it stays where it is while that CPU has no other work, and stays free to move.
void spread(std::vector<std::thread>& threads) {
#ifdef __linux__
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return;
  const int here = sched_getcpu();
  std::vector<int> others;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &allowed) && cpu != here) others.push_back(cpu);
  if (others.empty()) return;
  for (std::size_t i = 0; i < threads.size(); ++i) {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(others[i % others.size()], &one);
    const pthread_t handle = threads[i].native_handle();
    if (pthread_setaffinity_np(handle, sizeof one, &one) == 0) pthread_setaffinity_np(handle, sizeof allowed, &allowed);
  }
#else
  (void)threads;
#endif
}

}  // namespace

OrderedWorkers::OrderedWorkers(unsigned threads) {
  threads_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this, i] { work(i); });
  spread(threads_);
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
