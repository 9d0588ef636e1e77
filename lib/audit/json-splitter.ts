// Splits a stream of JSON text into values without holding it whole: each top-level value, and
// each object inside a top-level object's array (an EventList's items), as soon as it closes.
// A top-level object that held such items is not emitted again; one larger than maxValue is
// skipped and counted. Used for documents that are not one value per line.
const OPEN_OBJ = 123; // {
const CLOSE_OBJ = 125; // }
const OPEN_ARR = 91; // [
const CLOSE_ARR = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;

export class JsonSplitter {
  private stack: number[] = [];
  private inString = false;
  private escaped = false;
  /** Text of the item being captured (depth 2 inside [ of a top-level {), and of the top-level value. */
  private item: string[] | null = null;
  private itemSize = 0;
  private top: string[] | null = [];
  private topSize = 0;
  private topHadItems = false;
  oversized = 0;
  invalid = 0;

  constructor(
    private readonly emit: (value: unknown) => void,
    private readonly maxValue = 4 * 1024 * 1024,
  ) {}

  feed(chunk: string): void {
    let itemFrom = this.item ? 0 : -1;
    let topFrom = this.top ? 0 : -1;
    const s = this.stack;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (s.length === 0) {
          this.top = [];
          this.topSize = 0;
          this.topHadItems = false;
          topFrom = i;
        } else if (c === OPEN_OBJ && s.length === 2 && s[0] === OPEN_OBJ && s[1] === OPEN_ARR) {
          this.item = [];
          this.itemSize = 0;
          itemFrom = i;
        }
        s.push(c);
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        s.pop();
        if (s.length === 2 && this.item && c === CLOSE_OBJ) {
          this.itemSize += i + 1 - itemFrom;
          if (this.itemSize > this.maxValue) this.oversized++;
          else {
            this.item.push(chunk.slice(itemFrom, i + 1));
            this.parse(this.item.join(''));
          }
          this.item = null;
          itemFrom = -1;
          this.topHadItems = true;
          // An object with items is an EventList: its own text is not needed.
          this.top = null;
          topFrom = -1;
        } else if (s.length === 0) {
          if (this.top && !this.topHadItems) {
            this.top.push(chunk.slice(topFrom, i + 1));
            this.parse(this.top.join(''));
          }
          this.top = null;
          topFrom = -1;
        }
      }
    }
    if (this.item && itemFrom >= 0) {
      const rest = chunk.slice(itemFrom);
      this.itemSize += rest.length;
      // An item too big to parse is not kept: only its size is, and it is counted when it closes.
      if (this.itemSize > this.maxValue) this.item.length = 0;
      else this.item.push(rest);
    }
    if (this.top && topFrom >= 0) {
      const rest = chunk.slice(topFrom);
      this.topSize += rest.length;
      if (this.topSize > this.maxValue) {
        // Too big to keep whole; its items (if it is an EventList) are still emitted one by one.
        this.top = null;
        if (!this.topHadItems && this.stack.length > 0) this.oversized++;
      } else this.top.push(rest);
    }
  }

  private parse(text: string): void {
    if (text.length > this.maxValue) {
      this.oversized++;
      return;
    }
    try {
      this.emit(JSON.parse(text));
    } catch {
      this.invalid++;
    }
  }
}
