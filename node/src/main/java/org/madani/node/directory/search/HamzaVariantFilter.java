package org.madani.node.directory.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Adds, for a word with a hamza inside it, a second token at the same position in which every hamza
 * inside the word — on yeh, waw or alef, or on the line (ئ ؤ أ إ ء) — is one and the same letter
 * ({@link #HAMZA}). Both spellings people write for the same word then meet: «مسئولية» and
 * «مسؤولية», «شئون» and «شؤون», «هيئة» and «هيأة», «جزء» and «جزئ». The original token stays, so
 * {@link ArabicFoldingFilter} still folds it to its carrier («مؤسسة» ↔ «موسسة»).
 *
 * <p>A hamza at the start of a word is left alone (that is always an alef, folded to ا). Must run
 * before the folding filter, which would otherwise have removed the hamza already. Not thread-safe
 * (a token stream).
 */
public final class HamzaVariantFilter extends TokenFilter {

  /**
   * ARABIC LETTER HIGH HAMZA (U+0674): a letter the folding filter keeps, seldom typed, standing
   * for "a hamza, whatever its seat".
   */
  static final char HAMZA = '\u0674';

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private State pending;
  private char[] variant = new char[16];
  private int variantLength;

  public HamzaVariantFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pending != null) {
      restoreState(pending);
      pending = null;
      term.copyBuffer(variant, 0, variantLength);
      position.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) return false;
    char[] buf = term.buffer();
    int len = term.length();
    boolean inner = false;
    for (int i = 1; i < len && !inner; i++) inner = isHamza(buf[i]);
    if (inner) {
      if (variant.length < len) variant = new char[len];
      variant[0] = buf[0];
      for (int i = 1; i < len; i++) variant[i] = isHamza(buf[i]) ? HAMZA : buf[i];
      variantLength = len;
      pending = captureState();
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = null;
  }

  static boolean isHamza(char c) {
    return c == '\u0626' || c == '\u0624' || c == '\u0623' || c == '\u0625' || c == '\u0621';
  }
}
