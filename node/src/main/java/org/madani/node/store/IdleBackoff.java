package org.madani.node.store;

/**
 * The timer of a worker that polls the store, skipping ticks while its passes find nothing: after
 * an empty pass it looks every 2nd tick, then every 4th, up to every {@code maxTicks}th; a pass
 * that found work (or a failed one) brings it back to every tick. Wake-ups on commits still act at
 * once; the timer only catches what no wake-up announced, so an idle node stays idle. Not
 * thread-safe: used on the worker's own context.
 */
public final class IdleBackoff {

  private final int maxTicks;
  private int gap = 1;
  private int skip;

  public IdleBackoff(int maxTicks) {
    this.maxTicks = maxTicks;
  }

  /** Whether this timer tick should run a pass. */
  public boolean due() {
    if (skip > 0) {
      skip--;
      return false;
    }
    return true;
  }

  /** Records a pass: {@code empty} when it succeeded and found nothing to do. */
  public void passed(boolean empty) {
    gap = empty ? Math.min(maxTicks, gap * 2) : 1;
    skip = gap - 1;
  }
}
