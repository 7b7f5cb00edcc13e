// Parses and validates Adaptive Card JSON files with the renderer library behind Web Chat and the Agents
// Playground (npm `adaptivecards`; its dist bundle, since the lib/ entry does not resolve under Node 20).
// Usage: node validate-card.mjs card.json [more.json ...]
// Prints a JSON array, one entry per file: parse events (e.g. unknown element types that fell back),
// validation events (e.g. "Required inputs should have an error message"), and the inputs and actions the
// renderer ends up with after fallbacks. Exits 1 when a file could not be read or parsed at all.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

// adaptivecards 3.0.6 checks `lang` with a global (/g) regex and exec(), whose lastIndex survives between
// cards, so every second valid "en"/"nl" is reported as invalid. Same pattern, without the shared state.
const lang = AC.CardElement.langProperty;
if (lang?.regEx?.global) {
  lang.regEx = new RegExp(lang.regEx.source, lang.regEx.flags.replace('g', ''));
}

const describe = (e) => ({
  phase: AC.ValidationPhase[e.phase] ?? String(e.phase),
  event: AC.ValidationEvent[e.event] ?? String(e.event),
  message: e.message,
});

function actionsOf(card) {
  const found = [];
  const visit = (action) => {
    found.push({ type: action.getJsonTypeName(), title: action.title ?? null, verb: action.verb ?? null });
    if (action.card) {
      action.card.getAllActions().forEach(visit);
    }
  };
  card.getAllActions().forEach(visit);
  return found;
}

function check(file) {
  try {
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(JSON.parse(readFileSync(file, 'utf8')), context);
    const parseEvents = [];
    for (let i = 0; i < context.eventCount; i++) {
      parseEvents.push(describe(context.getEventAt(i)));
    }
    return {
      file,
      parseEvents,
      validationEvents: card.validateProperties().validationEvents.map(describe),
      inputs: card.getAllInputs(true).map((input) => ({ id: input.id, type: input.getJsonTypeName() })),
      actions: actionsOf(card),
    };
  } catch (error) {
    return { file, error: String(error?.stack ?? error) };
  }
}

const results = process.argv.slice(2).map(check);
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
process.exitCode = results.some((r) => r.error) ? 1 : 0;
