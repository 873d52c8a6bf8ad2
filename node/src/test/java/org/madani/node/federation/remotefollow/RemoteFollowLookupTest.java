package org.madani.node.federation.remotefollow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RemoteFollowLookupTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACTOR = "https://madani.example/orgs/sawa";

  @Test
  void normalize_acceptsWhatPeopleTypeForAnAccount() {
    assertThat(RemoteFollowLookup.normalize(" @alice@mastodon.social "))
        .isEqualTo("alice@mastodon.social");
    assertThat(RemoteFollowLookup.normalize("acct:alice@mastodon.social"))
        .isEqualTo("alice@mastodon.social");
    assertThat(RemoteFollowLookup.normalize("alice@127.0.0.1:8080"))
        .isEqualTo("alice@127.0.0.1:8080");
    assertThat(RemoteFollowLookup.normalize("سارة@example.social"))
        .isEqualTo("سارة@example.social");
  }

  @Test
  void normalize_refusesAnythingElse() {
    for (String bad :
        new String[] {
          null,
          "",
          "alice",
          "@alice@",
          "https://x.example/@a",
          "a@b/c",
          "a@-b.example",
          "a b@c.example",
          "a@b.example?x=1",
          "a@b.example#f"
        }) {
      assertThat(RemoteFollowLookup.normalize(bad)).as(String.valueOf(bad)).isNull();
    }
  }

  @Test
  void target_prefersFep3b86Follow_thenOStatus_thenFep3b86Object_andEncodesTheActor()
      throws Exception {
    String ostatus =
        "{\"rel\": \"http://ostatus.org/schema/1.0/subscribe\", \"template\": \"https://s.example/authorize_interaction?uri={uri}\"}";
    String follow =
        "{\"rel\": \"https://w3id.org/fep/3b86/Follow\", \"template\": \"https://s.example/follow?o={object}\"}";
    String object =
        "{\"rel\": \"https://w3id.org/fep/3b86/Object\", \"template\": \"https://s.example/o?o={object}\"}";
    assertThat(redirect("[" + object + "," + ostatus + "," + follow + "]"))
        .isEqualTo("https://s.example/follow?o=https%3A%2F%2Fmadani.example%2Forgs%2Fsawa");
    assertThat(redirect("[" + object + "," + ostatus + "]"))
        .isEqualTo(
            "https://s.example/authorize_interaction?uri=https%3A%2F%2Fmadani.example%2Forgs%2Fsawa");
    assertThat(redirect("[" + object + "]"))
        .isEqualTo("https://s.example/o?o=https%3A%2F%2Fmadani.example%2Forgs%2Fsawa");
  }

  @Test
  void target_neverRedirectsToAScriptOrATemplateWithoutPlaceholder() throws Exception {
    for (String t :
        new String[] {
          "javascript:alert('{uri}')", "data:text/html,{uri}", "https://s.example/no-placeholder"
        }) {
      var jrd =
          JSON.readTree(
              "{\"links\": [{\"rel\": \"http://ostatus.org/schema/1.0/subscribe\", \"template\": \""
                  + t
                  + "\"}]}");
      assertThat(RemoteFollowLookup.target(jrd, ACTOR))
          .as(t)
          .isEqualTo(new RemoteFollowLookup.Result.Failed(RemoteFollowLookup.Reason.NO_TEMPLATE));
    }
  }

  static String redirect(String links) throws Exception {
    var r = RemoteFollowLookup.target(JSON.readTree("{\"links\": " + links + "}"), ACTOR);
    assertThat(r).isInstanceOf(RemoteFollowLookup.Result.Redirect.class);
    return ((RemoteFollowLookup.Result.Redirect) r).url();
  }
}
