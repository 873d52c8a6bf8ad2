package org.madani.node.http.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.madani.node.text.Html;

class LangTest {

  @Test
  void queryWins_thenAcceptLanguageByQuality_thenArabic() {
    assertThat(Lang.choose("en", "ar")).isEqualTo(Lang.EN);
    assertThat(Lang.choose(null, "fr, en-GB;q=0.9, ar;q=0.8")).isEqualTo(Lang.EN);
    assertThat(Lang.choose(null, "ar-SY, en;q=0.5")).isEqualTo(Lang.AR);
    assertThat(Lang.choose(null, "de")).isEqualTo(Lang.AR);
    assertThat(Lang.choose(null, "%%%garbage")).isEqualTo(Lang.AR);
    assertThat(Lang.choose("xx", null)).isEqualTo(Lang.AR);
  }

  @Test
  void pickFallsBackToTheOtherLanguage_andSaysSo() throws Exception {
    var map = new ObjectMapper().readTree("{\"en\": \"Hello\"}");
    assertThat(Lang.AR.pick(map)).isEqualTo(new Lang.Localized("Hello", Lang.EN, true));
    assertThat(Lang.EN.pick(map)).isEqualTo(new Lang.Localized("Hello", Lang.EN, false));
    assertThat(Lang.EN.pick(new ObjectMapper().readTree("{}"))).isNull();
  }

  @Test
  void htmlEscapesEverythingThatMatters() {
    assertThat(Html.esc("<a href=\"x\" onclick='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    assertThat(Html.safeUrl("javascript:alert(1)")).isFalse();
    assertThat(Html.safeUrl("https://example.org")).isTrue();
  }
}
