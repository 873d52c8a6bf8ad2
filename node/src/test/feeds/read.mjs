// Reads a Madani Atom feed with rss-parser and a Madani calendar with Mozilla's ical.js, as feed
// readers and calendar apps would, and prints what they understood as one JSON line.
// Usage: node read.mjs <atom-url> <ics-url>
import Parser from "rss-parser";
import ICAL from "ical.js";

const [atomUrl, icsUrl] = process.argv.slice(2);
const out = {};
const feed = await new Parser().parseURL(atomUrl);
out.atom = {
  title: feed.title ?? null,
  items: feed.items.map((i) => ({ title: i.title ?? null, link: i.link ?? null, id: i.id ?? i.guid ?? null, date: i.isoDate ?? null })),
};
const ics = await (await fetch(icsUrl)).text();
const calendar = new ICAL.Component(ICAL.parse(ics));
// Time zones the calendar defines are registered, so local times convert to UTC correctly.
for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
out.ics = {
  events: calendar.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid ?? null, summary: e.summary ?? null, location: e.location ?? null,
      start: e.startDate ? e.startDate.toJSDate().toISOString() : null,
      end: e.endDate ? e.endDate.toJSDate().toISOString() : null,
    };
  }),
};
process.stdout.write(JSON.stringify(out) + "\n");
