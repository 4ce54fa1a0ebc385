export {
  createNodeTransport,
  type NodeTransport,
  type NodeTransportOptions,
} from "./transport/create-node-transport.js";
