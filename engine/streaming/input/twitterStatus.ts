/**
 * The simulated tweet as twitter4j's Status, the record type of Spark's TwitterUtils.createStream: the plain
 * fields (id, user, text, hashtags, createdAt, lang) and twitter4j's getters over them, which the lecture and
 * Spark's TwitterPopularTags call (`status.getText`, `status.getHashtagEntities`, `status.getUser.getScreenName`).
 *
 * The getters live on the prototype, so a Status's own fields are exactly the plain tweet: it prints, samples
 * and checkpoints as before. Structured clone drops prototypes, so the record codec (cluster/codec.ts) sends a
 * Status tagged and rebuilds it on the other executor, as it does Some and CompactBuffer: the getters work after
 * a block or shuffle crosses workers, as twitter4j's serializable Status does in Spark.
 */

/** The fields of a simulated tweet (what travels). `user` is the screen name with its '@'. */
export interface Tweet { id: number; user: string; text: string; hashtags: string[]; createdAt: number; lang: string }

/** twitter4j's HashtagEntity: the tag without its '#', and where it is in the text. */
export class HashtagEntity {
  constructor(private readonly text: string, private readonly start: number) {}
  getText(): string { return this.text; }
  getStart(): number { return this.start; }
  getEnd(): number { return this.start + this.text.length + 1; }
}

/** twitter4j's User, as far as the simulation knows one: the screen name (without '@'). */
export class User {
  constructor(private readonly screenName: string) {}
  getScreenName(): string { return this.screenName; }
  getName(): string { return this.screenName; }
}

export class Status implements Tweet {
  id: number;
  user: string;
  text: string;
  hashtags: string[];
  createdAt: number;
  lang: string;

  constructor(t: Tweet) {
    this.id = t.id;
    this.user = t.user;
    this.text = t.text;
    this.hashtags = t.hashtags;
    this.createdAt = t.createdAt;
    this.lang = t.lang;
  }

  /** The plain tweet (what the codec sends). */
  static fields(s: Status): Tweet {
    return { id: s.id, user: s.user, text: s.text, hashtags: s.hashtags, createdAt: s.createdAt, lang: s.lang };
  }

  getId(): number { return this.id; }
  getText(): string { return this.text; }
  getUser(): User { return new User(this.user.replace(/^@/, '')); }
  getHashtagEntities(): HashtagEntity[] {
    let from = 0;
    return this.hashtags.map((tag) => {
      const start = Math.max(0, this.text.indexOf(tag, from));
      from = start + tag.length;
      return new HashtagEntity(tag.replace(/^#/, ''), start);
    });
  }
  /** java.util.Date in twitter4j: a Date of the tweet's time on the engine's clock. */
  getCreatedAt(): Date { return new Date(this.createdAt); }
  getLang(): string { return this.lang; }
}
