package org.cockpit4j.dashboard;

import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * One server-sent-event client: a bounded queue of outgoing events, drained in order by one task at
 * a time on the dashboard's sender pool, so that a client that stops reading blocks only its own
 * sender, never the poller that broadcasts nor the other clients.
 *
 * <p><b>Overflow disconnects.</b> When {@link #offer} finds the queue full (the client has fallen
 * {@code capacity} events behind: its sender is stuck in a write because the client does not read)
 * the client is disconnected: the queue is dropped, the connection is aborted (which fails the
 * blocked write and frees the sender) and the client is closed. Dropping events instead would leave
 * a stalled client holding a sender thread and a browser showing a stale state without knowing it;
 * every event carries a full state and a browser's {@code EventSource} reconnects by itself and
 * receives the full current state on connect, so a disconnected client that reads again loses
 * nothing. The memory a client holds is at most {@code capacity} references to event strings shared
 * with every other client.
 */
final class EventStream {
  private record Event(String name, String data) {}

  private final SseClient client;
  private final Executor senders;
  private final int capacity;
  private final ArrayDeque<Event> queue;
  private boolean draining;
  private boolean closed;

  /**
   * A stream to {@code client} whose events are sent on {@code senders}, holding at most {@code
   * capacity} unsent events.
   */
  EventStream(SseClient client, Executor senders, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.client = client;
    this.senders = senders;
    this.capacity = capacity;
    this.queue = new ArrayDeque<>(capacity);
  }

  /**
   * Queues an event and returns at once; returns false when the stream is closed or was just
   * disconnected because its queue was full.
   */
  boolean offer(String event, String data) {
    boolean full;
    synchronized (this) {
      if (closed) {
        return false;
      }
      full = queue.size() >= capacity;
      if (!full) {
        queue.add(new Event(event, data));
        if (draining) {
          return true;
        }
        draining = true;
      }
    }
    if (full) {
      disconnect();
      return false;
    }
    try {
      senders.execute(this::drain);
      return true;
    } catch (RejectedExecutionException e) {
      disconnect();
      return false;
    }
  }

  /** The number of events waiting to be sent. */
  synchronized int queued() {
    return queue.size();
  }

  /** Whether the stream was closed (by the client, an error, an overflow or the server). */
  synchronized boolean closed() {
    return closed || client.terminated();
  }

  /**
   * Closes the stream: drops the unsent events, aborts the connection (a write blocked on a client
   * that does not read fails at once) and closes the client on the sender pool.
   */
  void disconnect() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.clear();
    }
    abortConnection();
    try {
      senders.execute(client::close);
    } catch (RejectedExecutionException e) {
      client.close();
    }
  }

  /** Marks the stream closed after the client closed (its close callback). */
  synchronized void clientClosed() {
    closed = true;
    queue.clear();
  }

  /** Sends queued events in order until the queue is empty; one drain runs at a time. */
  private void drain() {
    while (true) {
      Event event;
      synchronized (this) {
        event = closed ? null : queue.poll();
        if (event == null) {
          draining = false;
          return;
        }
      }
      try {
        client.sendEvent(event.name(), event.data(), null);
      } catch (RuntimeException e) {
        disconnect();
      }
      if (client.terminated()) {
        clientClosed();
      }
    }
  }

  private void abortConnection() {
    try {
      EndPoint endPoint =
          ServletContextRequest.getServletContextRequest(client.ctx().req())
              .getServletChannel()
              .getEndPoint();
      if (endPoint != null) {
        endPoint.close(new IOException("the dashboard client fell too far behind"));
      }
    } catch (RuntimeException e) {
      // Not a Jetty request or already recycled: the idle timeout ends a blocked write.
    }
  }
}
