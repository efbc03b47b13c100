import { UnknownNodeError } from "../../errors.js";
import type { EndogenousVariable, Scm } from "../../scm/scm.js";

/**
 * An endogenous variable of the model, or an {@link UnknownNodeError} whose message starts with
 * `where` (exogenous variables cannot be intervened on).
 *
 * @param model - the model
 * @param name - the variable name
 * @param where - `module.function` for the error message
 * @returns the variable
 * @throws {@link UnknownNodeError} if the model has no endogenous variable of that name
 */
export function requireVariable(model: Scm, name: string, where: string): EndogenousVariable {
  if (!model.hasVariable(name)) {
    throw new UnknownNodeError(`${where}: unknown variable "${name}"`, name);
  }
  return model.variable(name);
}
