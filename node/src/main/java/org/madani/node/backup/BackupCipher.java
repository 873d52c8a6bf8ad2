package org.madani.node.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Iterator;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.PasswordRecipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JcePasswordAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JcePasswordRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Passphrase encryption of a backup as CMS {@code AuthEnvelopedData} (RFC 5083) with one password
 * recipient (RFC 3211: PBKDF2-HMAC-SHA256 with a random salt, AES-256 key wrap) and AES-256-GCM
 * content encryption, all from Bouncy Castle. GCM authenticates: a truncated or altered file fails
 * when read to its end instead of yielding plausible bytes. The provider is an instance of our own,
 * never registered JVM-wide (no static state).
 */
public final class BackupCipher {

  /** PBKDF2 rounds: ~0.3 s once per backup on these machines, each guess as dear. */
  static final int ITERATIONS = 600_000;

  /** Shorter passphrases are refused: the archive may carry every organization's private keys. */
  public static final int MIN_PASSPHRASE = 12;

  private final BouncyCastleProvider provider = new BouncyCastleProvider();
  private final SecureRandom random = new SecureRandom();

  /** True when {@code in} (with mark support) starts like a DER SEQUENCE rather than a zip. */
  public static boolean looksEncrypted(BufferedInputStream in) throws IOException {
    in.mark(4);
    int first = in.read();
    in.reset();
    return first == 0x30;
  }

  /**
   * Wraps {@code out}: what is written is encrypted; closing it writes the tag and closes {@code
   * out}.
   */
  public OutputStream encrypt(OutputStream out, char[] passphrase) throws IOException {
    check(passphrase);
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    try {
      CMSAuthEnvelopedDataStreamGenerator gen = new CMSAuthEnvelopedDataStreamGenerator();
      gen.addRecipientInfoGenerator(
          new JcePasswordRecipientInfoGenerator(CMSAlgorithm.AES256_CBC, passphrase)
              .setProvider(provider)
              .setPasswordConversionScheme(PasswordRecipient.PKCS5_SCHEME2_UTF8)
              .setPRF(PasswordRecipient.PRF.HMacSHA256)
              .setSaltAndIterationCount(salt, ITERATIONS));
      return gen.open(
          out,
          (org.bouncycastle.operator.OutputAEADEncryptor)
              new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                  .setProvider(provider)
                  .setSecureRandom(random)
                  .build());
    } catch (CMSException e) {
      throw new IOException("could not start encryption: " + e.getMessage(), e);
    }
  }

  /**
   * The decrypted content of {@code in}. The authentication tag is checked when the stream reaches
   * its end: trust nothing read from it until it has been read to the end without an exception.
   */
  public InputStream decrypt(InputStream in, char[] passphrase) throws IOException {
    try {
      CMSAuthEnvelopedDataParser parser = new CMSAuthEnvelopedDataParser(in);
      Iterator<RecipientInformation> recipients =
          parser.getRecipientInfos().getRecipients().iterator();
      if (!recipients.hasNext())
        throw new IOException("encrypted backup without a password recipient");
      return recipients
          .next()
          .getContentStream(
              new JcePasswordAuthEnvelopedRecipient(passphrase)
                  .setProvider(provider)
                  .setPasswordConversionScheme(PasswordRecipient.PKCS5_SCHEME2_UTF8))
          .getContentStream();
    } catch (CMSException e) {
      throw new IOException(
          "cannot decrypt the backup (wrong passphrase, or not a Madani backup): " + e.getMessage(),
          e);
    }
  }

  private static void check(char[] passphrase) {
    if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
      throw new IllegalArgumentException(
          "the backup passphrase must have at least " + MIN_PASSPHRASE + " characters");
    }
  }
}
