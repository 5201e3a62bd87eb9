package org.cockpit4j.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Owns the tensors created while it is open on the current thread and closes them when it closes,
 * so that device buffers are freed deterministically:
 *
 * <pre>{@code
 * try (TensorScope scope = TensorScope.open()) {
 *   Tensor hidden = x.matmul(w, false, true);
 *   result = scope.keep(hidden.relu()); // survives the scope
 * }
 * }</pre>
 *
 * Scopes nest; a kept tensor moves to the enclosing scope, or to nobody (the caller owns it) when
 * there is none. Tensors created with no scope open are owned by their creator.
 */
public final class TensorScope implements AutoCloseable {
  private static final ThreadLocal<Deque<TensorScope>> OPEN =
      ThreadLocal.withInitial(ArrayDeque::new);

  private final List<Tensor> owned = new ArrayList<>();
  private final Thread thread = Thread.currentThread();
  private boolean closed;

  private TensorScope() {}

  /** Opens a scope on the current thread. */
  public static TensorScope open() {
    TensorScope scope = new TensorScope();
    OPEN.get().push(scope);
    return scope;
  }

  /** Registers a freshly created tensor with the innermost open scope, if any. */
  static void register(Tensor tensor) {
    TensorScope scope = OPEN.get().peek();
    if (scope != null) {
      scope.owned.add(tensor);
    }
  }

  /** Lets {@code tensor} outlive this scope: it moves to the enclosing scope, if there is one. */
  public <T extends Tensor> T keep(T tensor) {
    checkOpen();
    if (owned.remove(tensor)) {
      Deque<TensorScope> stack = OPEN.get();
      TensorScope outer = null;
      boolean seenThis = false;
      for (TensorScope scope : stack) {
        if (seenThis) {
          outer = scope;
          break;
        }
        seenThis = scope == this;
      }
      if (outer != null) {
        outer.owned.add(tensor);
      }
    }
    return tensor;
  }

  /**
   * Takes {@code tensor} out of whichever open scope on this thread owns it, so that it outlives
   * all of them: afterwards the caller owns it and must close it. This is for long-lived state made
   * inside a scope, such as the parameter values and moment buffers an optimizer step produces;
   * {@link #keep} only moves a tensor one scope outwards. A tensor no open scope owns is returned
   * unchanged.
   */
  public static <T extends Tensor> T detach(T tensor) {
    for (TensorScope scope : OPEN.get()) {
      int index = scope.owned.lastIndexOf(tensor);
      if (index >= 0) {
        scope.owned.remove(index);
        break;
      }
    }
    return tensor;
  }

  /** Number of tensors this scope currently owns (for tests of memory discipline). */
  public int ownedCount() {
    return owned.size();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("TensorScope is already closed");
    }
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException("TensorScope used from another thread than its own");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    Deque<TensorScope> stack = OPEN.get();
    if (stack.peek() != this) {
      throw new IllegalStateException("TensorScopes must be closed innermost first");
    }
    stack.pop();
    closed = true;
    for (int i = owned.size() - 1; i >= 0; i--) {
      owned.get(i).close();
    }
    owned.clear();
  }
}
