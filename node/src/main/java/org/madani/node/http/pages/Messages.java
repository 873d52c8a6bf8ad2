package org.madani.node.http.pages;

import java.util.Map;

/** Every user-facing text of the public pages, in Arabic and English. */
public final class Messages {
  private Messages() {}

  private static final Map<String, String[]> TEXT = Map.ofEntries(
      // key -> {ar, en}
      Map.entry("site", new String[] {"مدني — دليل المجتمع المدني", "Madani — civil society directory"}),
      Map.entry("organizations", new String[] {"المنظمات", "Organizations"}),
      Map.entry("about", new String[] {"عن المنظمة", "About"}),
      Map.entry("mission", new String[] {"الرسالة", "Mission"}),
      Map.entry("sectors", new String[] {"القطاعات", "Sectors"}),
      Map.entry("regions", new String[] {"مناطق العمل", "Regions of work"}),
      Map.entry("founded", new String[] {"سنة التأسيس", "Founded"}),
      Map.entry("legalForm", new String[] {"الشكل القانوني", "Legal form"}),
      Map.entry("contact", new String[] {"التواصل", "Contact"}),
      Map.entry("links", new String[] {"روابط", "Links"}),
      Map.entry("activities", new String[] {"الأنشطة", "Activities"}),
      Map.entry("noActivities", new String[] {"لا توجد أنشطة منشورة بعد.", "No published activities yet."}),
      Map.entry("when", new String[] {"الموعد", "When"}),
      Map.entry("where", new String[] {"المكان", "Where"}),
      Map.entry("online", new String[] {"عبر الإنترنت", "Online"}),
      Map.entry("languages", new String[] {"اللغات", "Languages"}),
      Map.entry("by", new String[] {"من", "By"}),
      Map.entry("published", new String[] {"نُشر", "Published"}),
      Map.entry("updated", new String[] {"آخر تحديث", "Updated"}),
      Map.entry("period", new String[] {"الفترة", "Period"}),
      Map.entry("status", new String[] {"الحالة", "Status"}),
      Map.entry("category", new String[] {"الفئة", "Category"}),
      Map.entry("validUntil", new String[] {"صالح حتى", "Valid until"}),
      Map.entry("back", new String[] {"العودة إلى المنظمة", "Back to the organization"}),
      Map.entry("switchTo", new String[] {"English", "العربية"}),
      Map.entry("onlyIn", new String[] {"متوفر بالإنجليزية فقط", "Only available in Arabic"}),
      Map.entry("notFound", new String[] {"الصفحة غير موجودة", "Page not found"}),
      Map.entry("notFoundText", new String[] {"لا يوجد شيء هنا، أو أنه لم يعد منشوراً.",
          "There is nothing here, or it is no longer published."}),
      Map.entry("kind.event", new String[] {"فعالية", "Event"}),
      Map.entry("kind.project", new String[] {"مشروع", "Project"}),
      Map.entry("kind.campaign", new String[] {"حملة", "Campaign"}),
      Map.entry("kind.report", new String[] {"تقرير", "Report"}),
      Map.entry("kind.article", new String[] {"مقالة معرفية", "Knowledge post"}),
      Map.entry("kind.offer", new String[] {"عرض", "Offer"}),
      Map.entry("kind.need", new String[] {"احتياج", "Need"}),
      Map.entry("legalForm.association", new String[] {"جمعية", "Association"}),
      Map.entry("legalForm.foundation", new String[] {"مؤسسة", "Foundation"}),
      Map.entry("legalForm.ngo", new String[] {"منظمة غير حكومية", "NGO"}),
      Map.entry("legalForm.cooperative", new String[] {"تعاونية", "Cooperative"}),
      Map.entry("legalForm.network", new String[] {"شبكة", "Network"}),
      Map.entry("legalForm.initiative", new String[] {"مبادرة", "Initiative"}),
      Map.entry("legalForm.informal-group", new String[] {"مجموعة غير رسمية", "Informal group"}),
      Map.entry("legalForm.company", new String[] {"شركة", "Company"}),
      Map.entry("legalForm.other", new String[] {"أخرى", "Other"}),
      Map.entry("contact.email", new String[] {"البريد الإلكتروني", "Email"}),
      Map.entry("contact.phone", new String[] {"الهاتف", "Phone"}),
      Map.entry("contact.website", new String[] {"الموقع", "Website"}),
      Map.entry("contact.signal", new String[] {"سيغنال", "Signal"}),
      Map.entry("contact.whatsapp", new String[] {"واتساب", "WhatsApp"}),
      Map.entry("contact.telegram", new String[] {"تيليغرام", "Telegram"}),
      Map.entry("contact.mastodon", new String[] {"ماستودون", "Mastodon"}),
      Map.entry("contact.matrix", new String[] {"ماتريكس", "Matrix"}),
      Map.entry("contact.address", new String[] {"العنوان", "Address"}),
      Map.entry("contact.other", new String[] {"أخرى", "Other"}),
      Map.entry("status.planned", new String[] {"مخطط", "Planned"}),
      Map.entry("status.active", new String[] {"جارٍ", "Active"}),
      Map.entry("status.completed", new String[] {"مكتمل", "Completed"}),
      Map.entry("status.paused", new String[] {"متوقف مؤقتاً", "Paused"}),
      Map.entry("category.funding", new String[] {"تمويل", "Funding"}),
      Map.entry("category.volunteers", new String[] {"متطوعون", "Volunteers"}),
      Map.entry("category.expertise", new String[] {"خبرة", "Expertise"}),
      Map.entry("category.equipment", new String[] {"معدات", "Equipment"}),
      Map.entry("category.space", new String[] {"مكان", "Space"}),
      Map.entry("category.training", new String[] {"تدريب", "Training"}),
      Map.entry("category.partnership", new String[] {"شراكة", "Partnership"}),
      Map.entry("category.translation", new String[] {"ترجمة", "Translation"}),
      Map.entry("category.legal", new String[] {"دعم قانوني", "Legal support"}),
      Map.entry("category.other", new String[] {"أخرى", "Other"}),
      Map.entry("directory", new String[] {"دليل المجتمع المدني", "Civil society directory"}),
      Map.entry("directoryIntro", new String[] {
          "أنشطة هذه العقدة وما يصلها من المنظمات التي تتابعها. ابحث بالعربية أو الإنجليزية.",
          "Activities of this node and of the organizations it follows. Search in Arabic or English."}),
      Map.entry("search", new String[] {"بحث", "Search"}),
      Map.entry("searchLabel", new String[] {"كلمات البحث", "Search words"}),
      Map.entry("kind", new String[] {"النوع", "Kind"}),
      Map.entry("sector", new String[] {"القطاع", "Sector"}),
      Map.entry("region", new String[] {"المنطقة", "Region"}),
      Map.entry("language", new String[] {"اللغة", "Language"}),
      Map.entry("organization", new String[] {"المنظمة", "Organization"}),
      Map.entry("any", new String[] {"الكل", "Any"}),
      Map.entry("from", new String[] {"من تاريخ", "From"}),
      Map.entry("to", new String[] {"إلى تاريخ", "To"}),
      Map.entry("sort", new String[] {"الترتيب", "Sort"}),
      Map.entry("sort.relevance", new String[] {"الأكثر صلة", "Relevance"}),
      Map.entry("sort.date", new String[] {"الأحدث", "Date"}),
      Map.entry("results", new String[] {"عدد النتائج", "Results"}),
      Map.entry("noResults", new String[] {"لا توجد نتائج. جرّب كلمات أخرى أو أزل بعض المرشحات.",
          "No results. Try other words or remove some filters."}),
      Map.entry("clearFilters", new String[] {"إزالة المرشحات", "Clear filters"}),
      Map.entry("next", new String[] {"التالي", "Next"}),
      Map.entry("previous", new String[] {"السابق", "Previous"}),
      Map.entry("received", new String[] {"وصل من", "Received from"}),
      Map.entry("verified", new String[] {"موثّق بالتوقيع", "signature verified"}),
      Map.entry("via", new String[] {"عبر", "via"}),
      Map.entry("localEntry", new String[] {"منشور على هذه العقدة", "published on this node"}),
      Map.entry("badFilter", new String[] {"أحد المرشحات غير صالح", "One of the filters is not valid"}),
      Map.entry("lang.ar", new String[] {"العربية", "Arabic"}),
      Map.entry("lang.en", new String[] {"الإنجليزية", "English"}),
      Map.entry("lang.de", new String[] {"الألمانية", "German"}),
      Map.entry("lang.tr", new String[] {"التركية", "Turkish"}),
      Map.entry("lang.ku", new String[] {"الكردية", "Kurdish"}),
      Map.entry("lang.fr", new String[] {"الفرنسية", "French"}),
      Map.entry("poweredBy", new String[] {"يعمل على عقدة مدني مستقلة", "Served by an independent Madani node"}));

  public static String t(Lang lang, String key) {
    String[] v = TEXT.get(key);
    if (v == null) return key.substring(key.indexOf('.') + 1); // unknown enum value: show it as is
    return lang == Lang.AR ? v[0] : v[1];
  }

  /** The marker shown beside text that is only available in the other language. */
  public static String fallbackMarker(Lang page, Lang textLang) {
    return textLang == Lang.EN
        ? (page == Lang.AR ? "بالإنجليزية" : "English")
        : (page == Lang.AR ? "بالعربية" : "in Arabic");
  }
}
