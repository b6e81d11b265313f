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
    free(): void;
  }
  const loaded: Promise<typeof SVM>;
  export = loaded;
}
