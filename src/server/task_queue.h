// The connection queue behind the HTTP server: a fixed pool of workers fed from a bounded
// queue. cpp-httplib hands every accepted connection to TaskQueue::enqueue(); when the queue
// is full the connection goes to a small shedding pool instead, whose threads are marked so
// that the request is answered at once with 503 (see Shedding()). Overload therefore gives
// quick, clean 503s instead of connections piling up until their clients time out.
// Thread-safe: enqueue() is called by the accept thread, shutdown() by the listen thread.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tamiz::server {

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  // `workers` serve requests; at most `max_queued` connections wait for one; beyond that,
  // connections are handed to `shed_workers` threads (Shedding() is true on them).
  // `on_shed` is called once per shed connection (metrics).
  BoundedTaskQueue(size_t workers, size_t max_queued, size_t shed_workers,
                   std::function<void()> on_shed);
  ~BoundedTaskQueue() override;

  void enqueue(std::function<void()> fn) override;
  // Runs every queued task, then joins all threads.
  void shutdown() override;

  // True on a shedding thread: the request being processed must be answered 503.
  static bool Shedding();

 private:
  struct Pool {
    std::deque<std::function<void()>> jobs;
    std::vector<std::thread> threads;
  };
  void Run(Pool& pool, bool shedding);

  size_t max_queued_;
  std::function<void()> on_shed_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  Pool work_;
  Pool shed_;
};

}  // namespace tamiz::server
