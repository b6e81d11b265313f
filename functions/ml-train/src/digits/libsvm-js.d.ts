// libsvm-js ships no types; this covers the part we use.
declare module 'libsvm-js' {
  interface SvmOptions {
    type?: string;
    kernel?: string;
    gamma?: number;
    cost?: number;
    tolerance?: number;
    cacheSize?: number;
    shrinking?: boolean;
    quiet?: boolean;
  }
  class SVM {
    constructor(options: SvmOptions);
    static SVM_TYPES: { C_SVC: string };
    static KERNEL_TYPES: { RBF: string };
    train(samples: number[][], labels: number[]): void;
    predictOne(sample: number[]): number;
    predict(samples: number[][]): number[];
    serializeModel(): string;
    /** Address of libsvm's `struct svm_model` in the WebAssembly heap. */
    model: number;
    free(): void;
  }
  const loaded: Promise<typeof SVM>;
  export = loaded;
}

// The Emscripten module behind libsvm-js (the same instance `libsvm-js` loads).
declare module 'libsvm-js/out/wasm/libsvm' {
  const module: { HEAP32: Int32Array; HEAPF64: Float64Array };
  export = module;
}
