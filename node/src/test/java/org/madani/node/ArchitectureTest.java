package org.madani.node;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure STYLE.md asks for, checked on the compiled main classes: one direction of flow
 * ({@code http -> services -> store}), no cycles between packages, SQL only in {@code store}, and a
 * {@code package-info.java} saying what each package is for.
 */
class ArchitectureTest {

  private static final String ROOT = "org.madani.node";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void noCyclesBetweenPackages() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void storeDependsOnlyOnModel() {
    rule(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".store..")
            .should()
            .dependOnClassesThat(ours().and(outside(ROOT + ".store..", ROOT + ".model..")))
            .because(
                "repositories take and return records; a store that needs a service is designed wrong"));
  }

  @Test
  void modelDependsOnNothingOfOurs() {
    rule(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".model..")
            .should()
            .dependOnClassesThat(ours().and(outside(ROOT + ".model..")))
            .because("domain records are shared by every area"));
  }

  @Test
  void signaturesDependOnNothingOfOurs() {
    rule(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".federation.sig..")
            .should()
            .dependOnClassesThat(ours().and(outside(ROOT + ".federation.sig..")))
            .because(
                "signature code is spec-driven and vector-tested alone (no Vert.x, no H2, no services)"));
  }

  @Test
  void onlyTheCompositionRootAndCommandsSeeHttp() {
    rule(
        noClasses()
            .that()
            .resideOutsideOfPackages(ROOT + ".http..", ROOT + ".cli..", ROOT + ".setup.web..")
            .and()
            .doNotHaveFullyQualifiedName(ROOT + ".MadaniNode")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".http..")
            .because("services never call back up into routes: http -> services -> store"));
  }

  @Test
  void httpCallsServicesNotTheDatabase() {
    rule(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".http..")
            .should()
            .dependOnClassesThat(
                describe(
                    "the Database or a repository",
                    (JavaClass c) ->
                        c.getPackageName().equals(ROOT + ".store")
                            && (c.getSimpleName().equals("Database")
                                || c.getSimpleName().endsWith("Repository"))))
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("java.sql..")
            .because(
                "routes parse, authorize and render; the rules and the transactions are the services' "
                    + "(records nested in a repository are what it returns, and may be rendered)"));
  }

  /**
   * SQL is written only in {@code store}. Outside it, a {@link java.sql.Connection} may be passed
   * through as the open transaction from {@code Database.tx} (services call repositories within one
   * transaction), but nothing prepares or runs a statement or reads a result set. No exceptions:
   * the durable delivery queue's SQL is in {@code store.DeliveryRepository} and {@code
   * store.PeerHostRepository} too.
   */
  @Test
  void sqlOnlyInStore() {
    rule(
        noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".store..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.sql.Statement")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.sql.PreparedStatement")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.sql.CallableStatement")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.sql.ResultSet")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.sql.DriverManager")
            .because("SQL stays inside store (STYLE.md, Storage)"));
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    Path main = Path.of("src/main/java");
    List<Path> missing;
    try (Stream<Path> dirs = Files.walk(main.resolve(ROOT.replace('.', '/')))) {
      missing =
          dirs.filter(Files::isDirectory)
              .filter(ArchitectureTest::holdsJava)
              .filter(d -> !Files.exists(d.resolve("package-info.java")))
              .map(main::relativize)
              .toList();
    }
    assertThat(missing).as("packages without a package-info.java").isEmpty();
  }

  private static boolean holdsJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void rule(ArchRule rule) {
    rule.check(classes);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> ours() {
    return describe("classes of ours", c -> c.getPackageName().startsWith(ROOT));
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> outside(
      String... packages) {
    return describe(
        "outside " + String.join(", ", packages),
        c ->
            !com.tngtech.archunit.core.domain.PackageMatchers.of(packages)
                .test(c.getPackageName()));
  }
}
