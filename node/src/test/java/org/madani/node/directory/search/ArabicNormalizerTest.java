package org.madani.node.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicNormalizerTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // hamza forms to their carrier
    "أحمد, احمد",
    "إغاثة, اغاثه",
    "آمال, امال",
    "ٱلله, الله",
    "مؤسسة, موسسه",
    "رئيس, رييس",
    "سماء, سما",
    "شؤون, شوون",
    // taa marbuta and alef maqsura
    "مدرسة, مدرسه",
    "مستشفى, مستشفي",
    "على, علي",
    // Persian yeh and kaf
    "کتاب, كتاب",
    "فارسی, فارسي",
    // tatweel
    "مـــدنـــي, مدني",
    // digits
    "٢٠٢٦, 2026",
    "۱۲۳۴۵۶۷۸۹۰, 1234567890",
    "عام ٢٠١٤م, عام 2014م",
  })
  void folds(String in, String out) {
    assertThat(ArabicNormalizer.normalize(in)).isEqualTo(out);
  }

  @Test
  void removesAllDiacritics_includingShaddaSukunTanweenAndSuperscriptAlef() {
    assertThat(ArabicNormalizer.normalize("مُؤَسَّسَةٌ")).isEqualTo("موسسه");
    assertThat(ArabicNormalizer.normalize("إِغَاثَةً")).isEqualTo("اغاثه");
    assertThat(ArabicNormalizer.normalize("مُسْتَشْفًى")).isEqualTo("مستشفي");
    assertThat(ArabicNormalizer.normalize("هٰذا")).isEqualTo("هذا");
    assertThat(ArabicNormalizer.normalize("الرَّحْمٰنِ")).isEqualTo("الرحمن");
    assertThat(ArabicNormalizer.normalize("كِتَابٍ")).isEqualTo("كتاب");
  }

  @Test
  void leavesLatinTextAndPunctuationAlone() {
    assertThat(ArabicNormalizer.normalize("Sawa Network, 2014!")).isEqualTo("Sawa Network, 2014!");
    assertThat(ArabicNormalizer.normalize("شبكة سوا / Sawa")).isEqualTo("شبكه سوا / Sawa");
    assertThat(ArabicNormalizer.normalize("Ünïcödé")).isEqualTo("Ünïcödé");
  }

  @Test
  void emptyAndNull() {
    assertThat(ArabicNormalizer.normalize("")).isEmpty();
    assertThat(ArabicNormalizer.normalize(null)).isNull();
    assertThat(ArabicNormalizer.normalize("ـــَُ")).isEmpty();
  }

  @Test
  void inPlaceVariantReturnsTheNewLength() {
    char[] buf = "مُؤَسَّسَةٌxyz".toCharArray();
    int len = ArabicNormalizer.normalize(buf, buf.length - 3);
    assertThat(new String(buf, 0, len)).isEqualTo("موسسه");
  }

  @Test
  void isIdempotent() {
    for (String s : new String[] {"مُؤَسَّسَةٌ", "إغاثة", "٢٠٢٦", "مـــدنـــي", "Sawa"}) {
      String once = ArabicNormalizer.normalize(s);
      assertThat(ArabicNormalizer.normalize(once)).isEqualTo(once);
    }
  }

  @Test
  void tanweenFathWithItsAlef_foldsToTheBareWord() {
    assertThat(ArabicNormalizer.normalize("تدريبًا")).isEqualTo("تدريب");
    assertThat(ArabicNormalizer.normalize("تدريباً")).isEqualTo("تدريب");
    assertThat(ArabicNormalizer.normalize("شكرًا")).isEqualTo("شكر");
    // an alef without tanween stays: it is part of the word
    assertThat(ArabicNormalizer.normalize("سوريا")).isEqualTo("سوريا");
  }
}
