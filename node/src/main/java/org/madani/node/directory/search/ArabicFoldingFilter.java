package org.madani.node.directory.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Applies {@link ArabicNormalizer} to each token, in place. Not thread-safe (a token stream). */
public final class ArabicFoldingFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public ArabicFoldingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      int len = ArabicNormalizer.normalize(term.buffer(), term.length());
      if (len == 0) continue; // a token made only of marks or tatweel: nothing left to find
      term.setLength(len);
      return true;
    }
    return false;
  }
}
