// Validates Kubernetes manifests against their schemas, with no cluster: the core kinds against the Kubernetes
// OpenAPI schema (kubernetes-models), KEDA's and the Prometheus Operator's kinds against their CRDs (the
// @kubernetes-models packages), Camel K's against the CRDs vendored in crds/ (no package carries them).
// Field names the packages' validators let through are caught by unknown-fields.mjs.
// Reads a JSON array of manifests on standard input; writes a JSON array with, for each, the problems found
// ({path, message}); a manifest of a kind it has no schema for is a problem too.
import { readFileSync, readdirSync } from "node:fs";
import { Ajv } from "ajv";
import { formats } from "@kubernetes-models/validate";
import { parseAllDocuments } from "yaml";
import { unknownFields } from "./unknown-fields.mjs";

const CRD_PACKAGES = {
  "keda.sh": "@kubernetes-models/keda",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

const vendored = vendoredCrdValidators(new URL("./crds/", import.meta.url));

/** The problems of one manifest by its schema; a manifest checked by a package's model also goes to `typed`. */
async function problems(manifest, typed) {
  const apiVersion = String(manifest.apiVersion ?? "");
  const kind = String(manifest.kind ?? "");
  const crd = vendored.get(`${apiVersion}/${kind}`);
  if (crd) {
    return crd(manifest) ? [] : crd.errors.map(problem);
  }
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  const isCore = group === "" || !group.includes(".") || group.endsWith(".k8s.io");
  const module = isCore ? `kubernetes-models/${apiVersion}` : CRD_PACKAGES[group] && `${CRD_PACKAGES[group]}/${apiVersion}`;
  const model = module && (await import(module).catch(() => ({})))[kind];
  if (!model) {
    return [{ path: "data", message: `no schema for ${apiVersion} ${kind}` }];
  }
  typed.push({ manifest, module, kind });
  try {
    new model(manifest).validate();
    return [];
  } catch (error) {
    return error.errors ? error.errors.map(problem) : [{ path: "data", message: error.message }];
  }
}

function problem(error) {
  const extra = error.params?.additionalProperty;
  const path = "data" + error.instancePath + (extra === undefined ? "" : `/${extra}`);
  return { path, message: extra === undefined ? error.message : "is not a field of the schema" };
}

/**
 * One validator per version of each vendored CRD, from its openAPIV3Schema. Objects are closed to fields the schema
 * does not name, as the API server's strict field validation (kubectl's default) refuses them, except where the
 * schema keeps unknown fields (x-kubernetes-preserve-unknown-fields) or describes a map (additionalProperties).
 */
function vendoredCrdValidators(dir) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const [name, format] of Object.entries(formats)) {
    ajv.addFormat(name, format);
  }
  for (const name of ["int32", "int64", "float", "double"]) {
    ajv.addFormat(name, { type: "number", validate: () => true });
  }
  const validators = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".yaml"))) {
    for (const document of parseAllDocuments(readFileSync(new URL(file, dir), "utf8"))) {
      const crd = document.toJS();
      if (crd?.kind !== "CustomResourceDefinition") continue;
      for (const version of crd.spec.versions) {
        const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
        validators.set(key, ajv.compile(closed(version.schema.openAPIV3Schema)));
      }
    }
  }
  return validators;
}

function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) =>
    [key, key === "properties" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closed(v)])) : closed(value)]));
  if (copy.properties && copy.additionalProperties === undefined && !copy["x-kubernetes-preserve-unknown-fields"]) {
    copy.additionalProperties = false;
  }
  return copy;
}

const manifests = JSON.parse(readFileSync(0, "utf8"));
const results = [];
const typed = [];
const owners = [];
for (const manifest of manifests) {
  const before = typed.length;
  results.push(await problems(manifest, typed));
  if (typed.length > before) owners.push(results.length - 1);
}
unknownFields(typed).forEach((paths, i) => {
  for (const path of paths) results[owners[i]].push({ path, message: "is not a field of the schema" });
});
process.stdout.write(JSON.stringify(results));
