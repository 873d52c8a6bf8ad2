package org.madani.node.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;

class ResultCacheTest {

  final AtomicInteger searches = new AtomicInteger();

  Supplier<DirectoryResult> search(long total) {
    return () -> {
      searches.incrementAndGet();
      return new DirectoryResult(List.of(), 1, 20, total, Map.of(), Map.of());
    };
  }

  @Test
  void answersAreReusedWithinOneReader_andANewReaderStartsAfresh() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      ResultCache cache = new ResultCache(1 << 20);
      DirectoryQuery q = DirectoryQuery.all().withQ("clinic");
      DirectoryReader first = DirectoryReader.open(w);

      assertThat(cache.get(first, q, search(1)).total()).isEqualTo(1);
      assertThat(cache.get(first, q, search(99)).total()).isEqualTo(1);
      assertThat(cache.get(first, DirectoryQuery.all(), search(5)).total()).isEqualTo(5);
      assertThat(searches).hasValue(2);

      w.addDocument(new Document());
      DirectoryReader second = DirectoryReader.openIfChanged(first, w);
      assertThat(cache.get(second, q, search(2)).total()).isEqualTo(2);
      // a search still running on the reader before keeps that reader's answers (a new reader is
      // warmed before searches move to it)
      assertThat(cache.get(first, q, search(98)).total()).isEqualTo(1);
      assertThat(cache.get(second, q, search(99)).total()).isEqualTo(2);
      assertThat(searches).hasValue(3);

      w.addDocument(new Document());
      DirectoryReader third = DirectoryReader.openIfChanged(second, w);
      assertThat(cache.get(third, q, search(3)).total()).isEqualTo(3);
      // two readers back: answered, but not remembered
      assertThat(cache.get(first, q, search(1)).total()).isEqualTo(1);
      assertThat(cache.get(first, q, search(1)).total()).isEqualTo(1);
      assertThat(cache.get(second, q, search(99)).total()).isEqualTo(2);
      assertThat(searches).hasValue(6);

      cache.clear();
      assertThat(cache.get(third, q, search(4)).total()).isEqualTo(4);
      assertThat(cache.get(second, q, search(5)).total()).isEqualTo(5);
      assertThat(new ResultCache(0).get(third, q, search(7)).total()).isEqualTo(7);
      assertThat(searches).hasValue(9);
      first.close();
      second.close();
      third.close();
    }
  }
}
