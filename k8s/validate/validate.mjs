// Validates Kubernetes manifests against their schemas, with no cluster: the core kinds against the Kubernetes
// OpenAPI schema of the newest and of an older Kubernetes version EKS supports (kubernetes-models 5.1.0: 1.36;
// 4.5.0: 1.33), KEDA's and the Prometheus Operator's kinds against their CRDs (the @kubernetes-models packages),
// Camel K's against the CRDs vendored in crds/ (no package carries them). Field names the packages' validators let
// through are caught by unknown-fields.mjs.
// Reads a JSON array of manifests on standard input; writes a JSON array with, for each, the problems found
// ({path, message}); a manifest of a kind it has no schema for is a problem too.
import { readFileSync, readdirSync } from "node:fs";
import { Ajv } from "ajv";
import { formats } from "@kubernetes-models/validate";
import { parseAllDocuments } from "yaml";
import { unknownFields } from "./unknown-fields.mjs";

/** The packages of the core kinds' schema, each with the Kubernetes version it was generated from. */
const CORE_PACKAGES = [
  { name: "kubernetes-models", schema: "Kubernetes 1.36" },
  { name: "kubernetes-models-1.33", schema: "Kubernetes 1.33" },
];
const CRD_PACKAGES = {
  "keda.sh": [{ name: "@kubernetes-models/keda", schema: "KEDA CRD" }],
  "monitoring.coreos.com": [{ name: "@kubernetes-models/prometheus-operator", schema: "Prometheus Operator CRD" }],
};

const vendored = vendoredCrdValidators(new URL("./crds/", import.meta.url));

/**
 * The problems of one manifest by its schemas; each check by a package's model also goes to `typed`, for the field
 * names.
 */
async function problems(manifest, owner, typed) {
  const apiVersion = String(manifest.apiVersion ?? "");
  const kind = String(manifest.kind ?? "");
  const crd = vendored.get(`${apiVersion}/${kind}`);
  if (crd) {
    return crd(manifest) ? [] : crd.errors.map((error) => problem(error, "Camel K CRD"));
  }
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  const isCore = group === "" || !group.includes(".") || group.endsWith(".k8s.io");
  const found = [];
  let checked = 0;
  for (const { name, schema } of (isCore ? CORE_PACKAGES : CRD_PACKAGES[group]) ?? []) {
    const module = `${name}/${apiVersion}`;
    const model = (await import(module).catch(() => ({})))[kind];
    if (!model) {
      found.push({ path: "data", message: `is no ${apiVersion} ${kind} of ${schema}` });
      continue;
    }
    checked++;
    typed.push({ manifest, module, kind, owner, schema });
    try {
      new model(manifest).validate();
    } catch (error) {
      found.push(...(error.errors ? error.errors.map((e) => problem(e, schema)) : [{ path: "data", message: error.message }]));
    }
  }
  return checked === 0 ? [{ path: "data", message: `no schema for ${apiVersion} ${kind}` }] : found;
}

function problem(error, schema) {
  const extra = error.params?.additionalProperty;
  const path = "data" + error.instancePath + (extra === undefined ? "" : `/${extra}`);
  return { path, message: `${extra === undefined ? error.message : "is not a field"} (${schema})` };
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
for (const manifest of manifests) {
  results.push(await problems(manifest, results.length, typed));
}
unknownFields(typed).forEach((paths, i) => {
  for (const path of paths) results[typed[i].owner].push({ path, message: `is not a field (${typed[i].schema})` });
});
process.stdout.write(JSON.stringify(results));
