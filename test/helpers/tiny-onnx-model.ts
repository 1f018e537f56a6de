/**
 * Writes a tiny BERT-shaped feature-extraction model (ONNX graph + WordPiece tokenizer)
 * in the layout transformers.js reads from a local model directory, so tests can run the
 * real loading and inference path without any network access.
 *
 * The "encoder" is deliberately trivial so the expected output can be computed by hand:
 *   last_hidden_state = (word_embeddings[input_ids] + type_embeddings[token_type_ids]) * attention_mask
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/** Token ids follow list order; the first five are BERT's special tokens. */
export const TINY_VOCAB: readonly string[] = [
  "[PAD]",
  "[UNK]",
  "[CLS]",
  "[SEP]",
  "[MASK]",
  "query",
  "passage",
  ":",
  "the",
  "mayor",
  "council",
  "budget",
  "vote",
  "##s",
  "rain",
  "city",
  ".",
  ",",
];

const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;

export interface TinyModelOptions {
  /** Width of the hidden state (the embedding dimension). */
  hiddenSize?: number;
  /** Which ONNX files to write under `onnx/`; transformers.js picks one by the `quantized` flag. */
  onnxFiles?: ReadonlyArray<"model.onnx" | "model_quantized.onnx">;
}

export interface TinyModel {
  modelDir: string;
  hiddenSize: number;
  /** Row i is the float32 embedding of token i (already rounded to float32). */
  wordEmbeddings: number[][];
  /** Row 0 is added to every token, since a single-segment input has token_type_ids = 0. */
  typeEmbeddings: number[][];
}

const tokenId = new Map(TINY_VOCAB.map((token, index) => [token, index]));

function idOf(token: string): number {
  const id = tokenId.get(token);
  if (id === undefined) throw new Error(`token ${token} is not in the tiny vocabulary`);
  return id;
}

/** Deterministic, distinct, float32-exact values: each token gets its own direction. */
function makeWordEmbeddings(hiddenSize: number): number[][] {
  return TINY_VOCAB.map((_, row) => Array.from({ length: hiddenSize }, (_, column) => Math.fround(Math.sin(row * 1.37 + column * 0.71 + 0.3))));
}

function makeTypeEmbeddings(hiddenSize: number): number[][] {
  return [0, 1].map((row) => Array.from({ length: hiddenSize }, (_, column) => Math.fround(0.05 * (column + 1) - row)));
}

function float32Bytes(rows: number[][]): Uint8Array {
  const flat = Float32Array.from(rows.flat());
  return new Uint8Array(flat.buffer, flat.byteOffset, flat.byteLength);
}

function symbolicTensorType(elemType: number, dims: Array<string | number>): onnxProto.onnx.ITypeProto {
  return {
    tensorType: {
      elemType,
      shape: { dim: dims.map((dim) => (typeof dim === "string" ? { dimParam: dim } : { dimValue: dim })) },
    },
  };
}

export function buildTinyBertOnnx(wordEmbeddings: number[][], typeEmbeddings: number[][]): Uint8Array {
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const INT64 = onnx.TensorProto.DataType.INT64;
  const hiddenSize = wordEmbeddings[0]?.length ?? 0;

  const graph: onnxProto.onnx.IGraphProto = {
    name: "tiny_bert",
    input: [
      { name: "input_ids", type: symbolicTensorType(INT64, ["batch_size", "sequence_length"]) },
      { name: "attention_mask", type: symbolicTensorType(INT64, ["batch_size", "sequence_length"]) },
      { name: "token_type_ids", type: symbolicTensorType(INT64, ["batch_size", "sequence_length"]) },
    ],
    output: [{ name: "last_hidden_state", type: symbolicTensorType(FLOAT, ["batch_size", "sequence_length", hiddenSize]) }],
    initializer: [
      { name: "word_embeddings", dataType: FLOAT, dims: [wordEmbeddings.length, hiddenSize], rawData: float32Bytes(wordEmbeddings) },
      { name: "type_embeddings", dataType: FLOAT, dims: [typeEmbeddings.length, hiddenSize], rawData: float32Bytes(typeEmbeddings) },
      { name: "mask_axes", dataType: INT64, dims: [1], int64Data: [2] },
    ],
    node: [
      { opType: "Gather", input: ["word_embeddings", "input_ids"], output: ["words"], attribute: [intAttribute("axis", 0)] },
      { opType: "Gather", input: ["type_embeddings", "token_type_ids"], output: ["types"], attribute: [intAttribute("axis", 0)] },
      { opType: "Add", input: ["words", "types"], output: ["summed"] },
      { opType: "Cast", input: ["attention_mask"], output: ["mask_float"], attribute: [intAttribute("to", FLOAT)] },
      { opType: "Unsqueeze", input: ["mask_float", "mask_axes"], output: ["mask_3d"] },
      { opType: "Mul", input: ["summed", "mask_3d"], output: ["last_hidden_state"] },
    ],
  };

  // IR 8 / opset 13: within what onnxruntime-node 1.14 (bundled with transformers.js 2.17) accepts.
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: "", version: 13 }],
    producerName: "tiny-onnx-model test helper",
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function intAttribute(name: string, value: number): onnxProto.onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
}

function tokenizerJson(): unknown {
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: idOf(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: { type: "BertProcessing", cls: ["[CLS]", idOf("[CLS]")], sep: ["[SEP]", idOf("[SEP]")] },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(TINY_VOCAB.map((token, index) => [token, index])),
    },
  };
}

/** Writes the model under `<rootDir>/<modelId>/`, the layout `env.localModelPath` expects. */
export async function writeTinyBertModel(rootDir: string, modelId: string, options: TinyModelOptions = {}): Promise<TinyModel> {
  const hiddenSize = options.hiddenSize ?? 8;
  const onnxFiles = options.onnxFiles ?? ["model.onnx", "model_quantized.onnx"];
  const modelDir = path.join(rootDir, ...modelId.split("/"));
  const wordEmbeddings = makeWordEmbeddings(hiddenSize);
  const typeEmbeddings = makeTypeEmbeddings(hiddenSize);

  await mkdir(path.join(modelDir, "onnx"), { recursive: true });
  const config = {
    model_type: "bert",
    architectures: ["BertModel"],
    hidden_size: hiddenSize,
    vocab_size: TINY_VOCAB.length,
    type_vocab_size: typeEmbeddings.length,
    max_position_embeddings: 512,
    pad_token_id: idOf("[PAD]"),
  };
  const tokenizerConfig = {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    model_max_length: 512,
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    mask_token: "[MASK]",
  };
  await writeFile(path.join(modelDir, "config.json"), JSON.stringify(config));
  await writeFile(path.join(modelDir, "tokenizer.json"), JSON.stringify(tokenizerJson()));
  await writeFile(path.join(modelDir, "tokenizer_config.json"), JSON.stringify(tokenizerConfig));
  const onnxBytes = buildTinyBertOnnx(wordEmbeddings, typeEmbeddings);
  for (const file of onnxFiles) await writeFile(path.join(modelDir, "onnx", file), onnxBytes);

  return { modelDir, hiddenSize, wordEmbeddings, typeEmbeddings };
}

/**
 * Reference tokeniser for the ASCII texts the tests use: lower-case, split off punctuation,
 * greedy longest-match WordPiece, then wrap in [CLS] … [SEP]. Written independently of transformers.js.
 */
export function referenceTokenIds(text: string): number[] {
  const words = text.toLowerCase().match(/[a-z0-9]+|[^\sa-z0-9]/g) ?? [];
  const ids: number[] = [idOf("[CLS]")];
  for (const word of words) ids.push(...wordPieceIds(word));
  ids.push(idOf("[SEP]"));
  return ids;
}

function wordPieceIds(word: string): number[] {
  const pieces: number[] = [];
  let start = 0;
  while (start < word.length) {
    let end = word.length;
    let found: number | undefined;
    while (end > start) {
      const piece = (start > 0 ? "##" : "") + word.slice(start, end);
      found = tokenId.get(piece);
      if (found !== undefined) break;
      end -= 1;
    }
    if (found === undefined) return [idOf("[UNK]")];
    pieces.push(found);
    start = end;
  }
  return pieces;
}

/** Mean over all real tokens (special tokens included, as mean pooling does), then L2-normalised. */
export function referenceEmbedding(model: TinyModel, text: string): Float32Array {
  const ids = referenceTokenIds(text);
  const sum = new Array<number>(model.hiddenSize).fill(0);
  const typeRow = model.typeEmbeddings[0] ?? [];
  for (const id of ids) {
    const row = model.wordEmbeddings[id] ?? [];
    for (let k = 0; k < model.hiddenSize; k += 1) sum[k] = (sum[k] ?? 0) + (row[k] ?? 0) + (typeRow[k] ?? 0);
  }
  const mean = sum.map((value) => value / ids.length);
  const norm = Math.hypot(...mean);
  return Float32Array.from(mean, (value) => value / norm);
}
