package org.madani.node.http.pages;

import java.util.Map;

/** Every user-facing text of the public pages, in Arabic and English. */
public final class Messages {
  private Messages() {}

  private static final Map<String, String[]> TEXT =
      Map.ofEntries(
          // key -> {ar, en}
          Map.entry(
              "site",
              new String[] {"مدني — دليل المجتمع المدني", "Madani — civil society directory"}),
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
          Map.entry(
              "noActivities",
              new String[] {"لا توجد أنشطة منشورة بعد.", "No published activities yet."}),
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
          Map.entry(
              "notFoundText",
              new String[] {
                "لا يوجد شيء هنا، أو أنه لم يعد منشوراً.",
                "There is nothing here, or it is no longer published."
              }),
          Map.entry("kind.event", new String[] {"فعالية", "Event"}),
          Map.entry("kind.project", new String[] {"مشروع", "Project"}),
          Map.entry("kind.campaign", new String[] {"حملة", "Campaign"}),
          Map.entry("kind.report", new String[] {"تقرير", "Report"}),
          Map.entry("kind.article", new String[] {"مقالة معرفية", "Knowledge post"}),
          Map.entry("kind.offer", new String[] {"عرض", "Offer"}),
          Map.entry("kind.need", new String[] {"احتياج", "Need"}),
          Map.entry("kind.training", new String[] {"تدريب", "Training"}),
          Map.entry("attachments", new String[] {"المرفقات", "Attachments"}),
          Map.entry("training.sessions", new String[] {"الجلسات", "Sessions"}),
          Map.entry("training.session", new String[] {"الجلسة", "Session"}),
          Map.entry("training.capacity", new String[] {"عدد المقاعد", "Places"}),
          Map.entry("training.unlimited", new String[] {"غير محدود", "No limit"}),
          Map.entry("training.registration", new String[] {"التسجيل", "Registration"}),
          Map.entry(
              "training.registration.open",
              new String[] {"مفتوح حتى امتلاء المقاعد", "Open until the places are taken"}),
          Map.entry(
              "training.registration.approval",
              new String[] {"بموافقة الجهة المنظِّمة", "Approved by the organizer"}),
          Map.entry(
              "training.registration.invite", new String[] {"بدعوة فقط", "By invitation only"}),
          Map.entry(
              "training.registerHow",
              new String[] {
                "للتسجيل: افتح هذا العنوان من حساب منظمتك في مدني، أو من حسابك في ماستودون أو"
                    + " موبيليزون، واختر «انضمام». يصلك القبول أو الاعتذار عند امتلاء المقاعد.",
                "To register, open this address from your organization's Madani account, or from"
                    + " your Mastodon or Mobilizon account, and choose Join. You are told whether"
                    + " you have a place."
              }),
          Map.entry("kind.post", new String[] {"منشور", "Post"}),
          Map.entry("kind.question", new String[] {"سؤال", "Question"}),
          Map.entry("legalForm.association", new String[] {"جمعية", "Association"}),
          Map.entry("legalForm.foundation", new String[] {"مؤسسة", "Foundation"}),
          Map.entry("legalForm.ngo", new String[] {"منظمة غير حكومية", "NGO"}),
          Map.entry("legalForm.cooperative", new String[] {"تعاونية", "Cooperative"}),
          Map.entry("legalForm.network", new String[] {"شبكة", "Network"}),
          Map.entry("legalForm.initiative", new String[] {"مبادرة", "Initiative"}),
          Map.entry(
              "legalForm.informal-group", new String[] {"مجموعة غير رسمية", "Informal group"}),
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
          Map.entry(
              "directoryIntro",
              new String[] {
                "أنشطة هذه العقدة وما يصلها من المنظمات التي تتابعها. ابحث بالعربية أو الإنجليزية.",
                "Activities of this node and of the organizations it follows. Search in Arabic or English."
              }),
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
          Map.entry(
              "noResults",
              new String[] {
                "لا توجد نتائج. جرّب كلمات أخرى أو أزل بعض المرشحات.",
                "No results. Try other words or remove some filters."
              }),
          Map.entry("clearFilters", new String[] {"إزالة المرشحات", "Clear filters"}),
          Map.entry("next", new String[] {"التالي", "Next"}),
          Map.entry("previous", new String[] {"السابق", "Previous"}),
          Map.entry("received", new String[] {"وصل من", "Received from"}),
          Map.entry("verified", new String[] {"موثّق بالتوقيع", "signature verified"}),
          Map.entry("via", new String[] {"عبر", "via"}),
          Map.entry("localEntry", new String[] {"منشور على هذه العقدة", "published on this node"}),
          Map.entry(
              "badFilter",
              new String[] {"أحد المرشحات غير صالح", "One of the filters is not valid"}),
          Map.entry("lang.ar", new String[] {"العربية", "Arabic"}),
          Map.entry("lang.en", new String[] {"الإنجليزية", "English"}),
          Map.entry("lang.de", new String[] {"الألمانية", "German"}),
          Map.entry("lang.tr", new String[] {"التركية", "Turkish"}),
          Map.entry("lang.ku", new String[] {"الكردية", "Kurdish"}),
          Map.entry("lang.fr", new String[] {"الفرنسية", "French"}),
          Map.entry(
              "feed.directory",
              new String[] {"مدني — دليل المجتمع المدني", "Madani — civil society directory"}),
          Map.entry("feed.atom", new String[] {"خلاصة Atom", "Atom feed"}),
          Map.entry("feed.json", new String[] {"خلاصة JSON", "JSON Feed"}),
          Map.entry(
              "feed.ics",
              new String[] {"تقويم الفعاليات (iCalendar)", "Events calendar (iCalendar)"}),
          Map.entry("feeds", new String[] {"تابِع دون حساب", "Follow without an account"}),
          Map.entry("reports", new String[] {"إحصاءات الدليل", "Directory statistics"}),
          Map.entry(
              "reportsIntro",
              new String[] {
                "أعداد الأنشطة العامة في الدليل حسب الفترة والنوع والقطاع والمنطقة، مع مصادرها.",
                "Public activities in the directory by period, kind, sector and region, with their sources."
              }),
          Map.entry("report.total", new String[] {"مجموع الأنشطة", "Activities in total"}),
          Map.entry("report.period", new String[] {"الفترة", "Period"}),
          Map.entry("report.period.month", new String[] {"شهرياً", "Monthly"}),
          Map.entry("report.period.quarter", new String[] {"ربع سنوي", "Quarterly"}),
          Map.entry("report.period.year", new String[] {"سنوياً", "Yearly"}),
          Map.entry("report.show", new String[] {"عرض", "Show"}),
          Map.entry(
              "report.none",
              new String[] {"لا توجد أرقام لهذه الفترة.", "No figures for this range."}),
          Map.entry("report.byPeriod", new String[] {"الأنشطة حسب الفترة", "Activities by period"}),
          Map.entry("report.by.kind", new String[] {"حسب النوع", "By kind"}),
          Map.entry("report.by.sector", new String[] {"حسب القطاع", "By sector"}),
          Map.entry("report.by.region", new String[] {"حسب المنطقة", "By region"}),
          Map.entry("report.coverage", new String[] {"التغطية", "Coverage"}),
          Map.entry(
              "report.coverageText",
              new String[] {
                "كل نشاط يُحسب مرة واحدة، والأنشطة الواردة من عقد أخرى لا تُحسب إلا بعد التحقق من توقيعها ومصدرها. "
                    + "الأرقام تشمل ما وصل إلى هذه العقدة فقط.",
                "Each activity is counted once; activities from other nodes count only once their signature and origin "
                    + "were verified. The figures cover only what has reached this node."
              }),
          Map.entry("report.nodes", new String[] {"العقد المساهمة", "Contributing nodes"}),
          Map.entry(
              "report.organizations",
              new String[] {"المنظمات المساهمة", "Contributing organizations"}),
          Map.entry("report.local", new String[] {"أنشطة هذه العقدة", "Activities of this node"}),
          Map.entry("report.received", new String[] {"أنشطة واردة", "Activities received"}),
          Map.entry("report.node", new String[] {"العقدة", "Node"}),
          Map.entry("report.lastSynced", new String[] {"آخر مزامنة", "Last synced"}),
          Map.entry("cta.register", new String[] {"سجّل للحضور", "Register to attend"}),
          Map.entry("cta.joinOnline", new String[] {"انضم عبر الإنترنت", "Join online"}),
          Map.entry(
              "cta.calendar", new String[] {"أضف إلى التقويم (ics)", "Add to calendar (.ics)"}),
          Map.entry("cta.apply", new String[] {"قدّم طلبك", "Apply"}),
          Map.entry("cta.interest", new String[] {"سجّل اهتمامك", "Register interest"}),
          Map.entry(
              "cta.contactOrg", new String[] {"تواصل مع المنظمة", "Contact the organization"}),
          Map.entry("cta.takePart", new String[] {"شارك في الحملة", "Take part"}),
          Map.entry("cta.readReport", new String[] {"اقرأ التقرير", "Read the report"}),
          Map.entry("cta.heading", new String[] {"شارك", "Take action"}),
          Map.entry("goal", new String[] {"هدف الحملة", "Campaign goal"}),
          Map.entry("partners", new String[] {"الشركاء", "Partners"}),
          Map.entry("byline", new String[] {"بقلم", "Written by"}),
          Map.entry("quantity", new String[] {"الكمية", "How much"}),
          Map.entry("reportType", new String[] {"نوع التقرير", "Report type"}),
          Map.entry("reportType.annual", new String[] {"سنوي", "Annual"}),
          Map.entry("reportType.quarterly", new String[] {"ربع سنوي", "Quarterly"}),
          Map.entry("reportType.monthly", new String[] {"شهري", "Monthly"}),
          Map.entry("reportType.project", new String[] {"تقرير مشروع", "Project report"}),
          Map.entry("reportType.financial", new String[] {"مالي", "Financial"}),
          Map.entry("reportType.other", new String[] {"آخر", "Other"}),
          Map.entry("moreLinks", new String[] {"روابط أخرى", "More links"}),
          Map.entry("image", new String[] {"صورة", "Image"}),
          Map.entry("follow.heading", new String[] {"تابِع المنظمة", "Follow this organization"}),
          Map.entry(
              "follow.handle",
              new String[] {
                "عنوانها في الفديفيرس (ماستودون وغيره)",
                "Its Fediverse address (Mastodon and others)"
              }),
          Map.entry(
              "follow.copyHint",
              new String[] {
                "حدّد العنوان وانسخه إلى خانة البحث في حسابك.",
                "Select the address and paste it into your account's search."
              }),
          Map.entry(
              "follow.fromServer", new String[] {"تابِع من خادمك", "Follow from your server"}),
          Map.entry(
              "follow.yourHandle",
              new String[] {
                "عنوان حسابك، مثل ‎@name@mastodon.social",
                "Your account, e.g. @name@mastodon.social"
              }),
          Map.entry("follow.submit", new String[] {"تابِع", "Follow"}),
          Map.entry(
              "follow.badHandle",
              new String[] {
                "هذا ليس عنوان حساب. اكتبه هكذا: ‎@name@example.social",
                "That is not an account address. Write it like @name@example.social"
              }),
          Map.entry(
              "follow.notFound",
              new String[] {
                "لم نجد هذا الحساب على خادمه، أو لم يُجب الخادم.",
                "That account was not found on its server, or the server did not answer."
              }),
          Map.entry(
              "follow.noTemplate",
              new String[] {
                "خادمك لا يتيح المتابعة عن بُعد. انسخ عنوان المنظمة وابحث عنه في حسابك.",
                "Your server does not offer remote follow. Copy the organization's address and search for it in your account."
              }),
          Map.entry(
              "follow.busy",
              new String[] {
                "طلبات كثيرة إلى هذا الخادم الآن. أعد المحاولة بعد قليل.",
                "Too many requests to that server just now. Please try again in a moment."
              }),
          Map.entry(
              "follow.failed",
              new String[] {"تعذّرت المتابعة من خادمك", "Could not follow from your server"}),
          Map.entry(
              "home.intro",
              new String[] {
                "منظمات مجتمع مدني تنشر أنشطتها على هذه العقدة المستقلة، وتتبادلها مع عقد أخرى.",
                "Civil society organizations publish their activities on this independent node and exchange them with others."
              }),
          Map.entry("home.latest", new String[] {"أحدث الأنشطة", "Latest activities"}),
          Map.entry("home.explore", new String[] {"استكشف", "Explore"}),
          Map.entry("badRequest", new String[] {"طلب غير صالح", "Bad request"}),
          Map.entry(
              "badRequestText",
              new String[] {
                "لم نفهم هذا الطلب. تحقق من الرابط.",
                "This request could not be understood. Check the link."
              }),
          Map.entry("serverError", new String[] {"حدث خطأ", "Something went wrong"}),
          Map.entry(
              "serverErrorText",
              new String[] {
                "حدث خطأ على هذه العقدة. أعد المحاولة لاحقاً.",
                "Something went wrong on this node. Please try again later."
              }),
          Map.entry(
              "errorText",
              new String[] {"تعذّر إتمام الطلب.", "The request could not be completed."}),
          Map.entry("errorId", new String[] {"رقم الخطأ للإبلاغ عنه", "Error id to quote"}),
          Map.entry("home", new String[] {"الصفحة الرئيسية", "Home page"}),
          Map.entry("siteNav", new String[] {"التنقل في الموقع", "Site navigation"}),
          Map.entry("skip", new String[] {"انتقل إلى المحتوى", "Skip to content"}),
          Map.entry(
              "poweredBy",
              new String[] {"يعمل على عقدة مدني مستقلة", "Served by an independent Madani node"}));

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
