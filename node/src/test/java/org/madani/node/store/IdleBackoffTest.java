package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdleBackoffTest {

  /**
   * Runs {@code ticks} timer ticks; each pass that runs finds nothing. Returns the ticks that ran.
   */
  private static List<Integer> idleTicks(IdleBackoff idle, int ticks) {
    List<Integer> ran = new ArrayList<>();
    for (int t = 1; t <= ticks; t++) {
      if (idle.due()) {
        ran.add(t);
        idle.passed(true);
      }
    }
    return ran;
  }

  @Test
  void emptyPassesSpreadTheTicksUpToTheBound_andWorkBringsEveryTickBack() {
    IdleBackoff idle = new IdleBackoff(4);
    assertThat(idleTicks(idle, 16)).containsExactly(1, 3, 7, 11, 15);

    idle.passed(false); // a pass that found work (or failed)
    assertThat(idle.due()).isTrue();
    idle.passed(false);
    assertThat(idle.due()).isTrue();
  }
}
