#include "server/task_queue.h"

#include <utility>

namespace tamiz::server {

namespace {
thread_local bool t_shedding = false;
}  // namespace

BoundedTaskQueue::BoundedTaskQueue(size_t workers, size_t max_queued, size_t shed_workers,
                                   std::function<void()> on_shed)
    : max_queued_(max_queued), on_shed_(std::move(on_shed)) {
  if (workers == 0) workers = 1;
  if (shed_workers == 0) shed_workers = 1;
  for (size_t i = 0; i < workers; ++i) {
    work_.threads.emplace_back([this] { Run(work_, false); });
  }
  for (size_t i = 0; i < shed_workers; ++i) {
    shed_.threads.emplace_back([this] { Run(shed_, true); });
  }
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

bool BoundedTaskQueue::Shedding() { return t_shedding; }

void BoundedTaskQueue::enqueue(std::function<void()> fn) {
  bool shed = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (work_.jobs.size() < max_queued_) {
      work_.jobs.push_back(std::move(fn));
    } else {
      // The shed queue is not bounded: each of its tasks only reads one request and writes
      // a 503, and the accept loop is itself bounded by the process's file descriptors.
      shed_.jobs.push_back(std::move(fn));
      shed = true;
    }
  }
  if (shed && on_shed_) on_shed_();
  cv_.notify_all();
}

void BoundedTaskQueue::Run(Pool& pool, bool shedding) {
  t_shedding = shedding;
  while (true) {
    std::function<void()> fn;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !pool.jobs.empty(); });
      if (pool.jobs.empty()) return;  // stopping and drained
      fn = std::move(pool.jobs.front());
      pool.jobs.pop_front();
    }
    fn();
  }
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ && work_.threads.empty() && shed_.threads.empty()) return;
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : work_.threads) {
    if (t.joinable()) t.join();
  }
  for (auto& t : shed_.threads) {
    if (t.joinable()) t.join();
  }
  work_.threads.clear();
  shed_.threads.clear();
}

}  // namespace tamiz::server
