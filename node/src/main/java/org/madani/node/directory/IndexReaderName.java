package org.madani.node.directory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The name under which a node process's search index reads the directory change sequence (V130
 * {@code directory_reader}): host name and index path, stable across restarts of the same process
 * and distinct for every process sharing one PostgreSQL database.
 */
public final class IndexReaderName {
  private IndexReaderName() {}

  public static String of(Path dataDir) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String name = host + ":" + dataDir.toAbsolutePath().normalize().resolve("index");
    return name.length() <= 1024 ? name : name.substring(name.length() - 1024);
  }
}
