declare module 'simple-keyboard/build/index.modern.esm.js' {
  import Keyboard from 'simple-keyboard';
  export default Keyboard;
}
