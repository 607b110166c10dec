import { describe, expect, it } from 'vitest';
import { roundTrip } from '../../cluster/codec';
import { formatRecord } from '../../core/format';
import { SparkConf, StreamingContext, Seconds } from '../../index';
import { Status } from './twitterStatus';

const tweet = { id: 3, user: '@matei', text: 'we learn spark #spark #streaming', hashtags: ['#spark', '#streaming'], createdAt: 1500, lang: 'en' };

describe('the simulated Status has twitter4j getters beside its plain fields', () => {
  it('getText, getUser().getScreenName(), getHashtagEntities(), getCreatedAt(), getLang(), getId()', () => {
    const s = new Status(tweet);
    expect(s.getText()).toBe(tweet.text);
    expect(s.getUser().getScreenName()).toBe('matei');             // twitter4j's screen name has no '@'
    expect(s.getHashtagEntities().map((h) => h.getText())).toEqual(['spark', 'streaming']);   // nor does a hashtag entity
    expect(s.getHashtagEntities().map((h) => [h.getStart(), h.getEnd()])).toEqual([[15, 21], [22, 32]]);
    expect(s.getCreatedAt()).toEqual(new Date(1500));
    expect(s.getLang()).toBe('en');
    expect(s.getId()).toBe(3);
    expect({ ...s }).toEqual(tweet);
  });

  it('prints as the plain tweet did (its own fields are the tweet)', () => {
    expect(formatRecord(new Status(tweet))).toBe(formatRecord(tweet));
  });

  it('keeps its getters across a worker boundary (the record codec), where structured clone alone drops them', () => {
    expect(typeof (structuredClone(new Status(tweet)) as Partial<Status>).getText).toBe('undefined');
    const back = roundTrip([new Status(tweet)])[0];
    expect(back).toBeInstanceOf(Status);
    expect(back.getText()).toBe(tweet.text);
  });
});

describe('TwitterPopularTags written with twitter4j getters runs on a cluster', () => {
  it('status.getText() and status.getHashtagEntities() in functions shipped to executor workers', async () => {
    const conf = new SparkConf().setMaster('local-cluster[2,2,1024]').setAppName('getters').set('spark.streaming.clock', 'manual');
    const ssc = new StreamingContext(conf, Seconds(1));
    let out = '';
    ssc.stdout = (t) => { out += t; };
    const tweets = ssc.twitterStream({ seed: 1, tweetsPerSecond: 20 });
    // Spark's TwitterPopularTags: status.getText.split(" ").filter(_.startsWith("#")), counted.
    tweets.flatMap((status) => status.getText().split(' ').filter((w) => w.startsWith('#'))).countByValue().print(100);
    tweets.flatMap((status) => status.getHashtagEntities().map((h) => `#${h.getText()}`)).countByValue().print(100);
    tweets.map((status) => status.getUser().getScreenName().startsWith('@')).filter((b) => b).count().print();
    await ssc.start();
    await ssc.step(2);
    await ssc.stop();
    const blocks = out.split(/-{43}\nTime: \d+ ms\n-{43}\n/).slice(1);
    expect(blocks).toHaveLength(6);
    const sorted = (b: string) => b.trim().split('\n').sort();
    expect(sorted(blocks[0]).length).toBeGreaterThan(1);
    expect(sorted(blocks[0])).toEqual(sorted(blocks[1]));   // text scan and hashtag entities agree
    expect(blocks[2].trim()).toBe('0');                      // screen names carry no '@'
  }, 60000);
});
