/** The HOT template engine: pure parsing, checking and resolution of Heat templates (no HTTP, no cloud). */
import { HotError } from './hot-error';
import { parseTemplate, type HotTemplate } from './parse-template';

export { HotError, catchHot, type HotErrorType } from './hot-error';
export { resolveVersion, listVersions, type HotVersion } from './hot-versions';
export { parseTemplate, templateFromDocument, type HotTemplate, type ResourceDefinition, type OutputDefinition } from './parse-template';
export { parseEnvironment, environmentFromDocument, mergeEnvironments, emptyEnvironment, type HotEnvironment } from './parse-environment';
export { resolveParameters, coerceParameter, displayParameters, PSEUDO_PARAMETERS, type ResolvedParameter, type StackIdentity } from './parameters';
export { KNOWN_CUSTOM_CONSTRAINTS, type CustomConstraintResolver } from './parameter-constraints';
export { resolveValue, evaluateCondition, type ResolveContext } from './intrinsic-functions';
export { builtInResourceTypes, type ResourceTypeRegistry, type ResourceTypeSchema, type PropertySchema } from './resource-types';
export { createStackRegistry, schemaFromTemplate, type StackTypeRegistry } from './stack-registry';
export { orderResources, type ResourceOrder } from './dependency-graph';
export { planStack, checkTemplate, evaluateConditions, type StackPlan, type PlannedResource, type PlanInput } from './plan-stack';
export { resolveOutputs, resolveProperties, stackContext, type StackRuntime, type ResolvedOutput } from './resolve-stack';
export { planNestedStack } from './plan-nested';
export { describeTemplate, type ValidateResult } from './describe-template';
export { newCapacity, isInCooldown, cooldownEndAfter, type AdjustmentType, type CapacityInput, type CooldownState } from './scaling';
export { findFile, baseName } from './template-files';
export { locatePath, positionError } from './locate-error';

export type ParseResult =
  | { ok: true; template: HotTemplate }
  | { ok: false; error: { message: string; line?: number; column?: number; type: string; path?: (string | number)[] } };

/** parse(templateText, {files}) → the template, or an error with its line and column when it has one. */
export function parse(text: string, opts: { files?: Record<string, string> } = {}): ParseResult {
  try {
    return { ok: true, template: parseTemplate(text, opts) };
  } catch (e) {
    if (!(e instanceof HotError)) throw e;
    return { ok: false, error: { message: e.message, line: e.line, column: e.column, type: e.type, path: e.path } };
  }
}
