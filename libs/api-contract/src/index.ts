/**
 * The API's one schema source: zod schemas validate requests and, through the decorators here,
 * become the OpenAPI document (operations, parameters, bodies, answers, the error model).
 */
export { z } from 'zod';
export { ApiContract, type ContractOptions, type ContractAnswer } from './api-contract';
export { contractComponents, finishDocument } from './document';
export { ErrorModel, instantParam, integerParam, oneOf, isoTime, jsonObject, positionNumber, uuid } from './shapes';
export { parseWith } from './parse';
export type { Check, Fits } from './fits';
