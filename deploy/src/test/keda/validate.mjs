// Validates KEDA objects against KEDA's CRD schemas (compiled by @kubernetes-models/keda from KEDA's own CRDs).
// stdin: a JSON array of rendered objects; stdout: one line per problem, "<kind> <name>: <message>"; exit 0.
import { ScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import { ScaledJob } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledJob";
import { TriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication";

const models = { ScaledObject, ScaledJob, TriggerAuthentication };
let input = "";
for await (const chunk of process.stdin) input += chunk;
for (const object of JSON.parse(input)) {
  const name = `${object.kind} ${object.metadata?.name}`;
  const Model = models[object.kind];
  if (!Model) {
    console.log(`${name}: no KEDA model for this kind`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    console.log(`${name}: ${e.message}`);
  }
}
