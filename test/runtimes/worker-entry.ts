/** The smoke suite as a worker (workerd): every request runs it and answers with the results. */
import { inProcessSteps, runSteps } from "./smoke.js";

export default {
  async fetch(): Promise<Response> {
    return Response.json(await runSteps(inProcessSteps()));
  },
};
