"""
Runs exported DStream Studio programs (modules with build(ssc)) on one SparkContext (local[2]), each on a fresh
StreamingContext on Spark's ManualClock: build, start, advance the clock one batch at a time, wait for the batch.
Usage: python studio_driver.py <dir> name:module:batchMs:batches:checkpoint(0|1):parallelism:outputSlideMs,... ...
(parallelism: the studio run's spark.default.parallelism, which decides how shuffles partition keys)
Output: @@@CASE name, what the case printed (pprint), @@@END name; @@@ERROR <message> when a case fails.
"""
import importlib
import sys
import tempfile
import threading
import time
import traceback

from pyspark import SparkConf, SparkContext
from pyspark.resultiterable import ResultIterable
from pyspark.streaming import StreamingContext
from pyspark.streaming.listener import StreamingListener


class BatchCounter(StreamingListener):
    def __init__(self):
        self.done = 0
        self.cond = threading.Condition()

    def onBatchCompleted(self, batchCompleted):
        with self.cond:
            self.done += 1
            self.cond.notify_all()


# Oracle-side normalisation only (the exported programs are unchanged): pprint shows a grouped value
# (groupByKey, cogroup, groupByKeyAndWindow) as '<pyspark.resultiterable.ResultIterable object at 0x...>', which
# cannot be compared; printed as a list, normalize.ts reads it back as Spark's ArrayBuffer/CompactBuffer.
ResultIterable.__repr__ = lambda self: repr(list(self))


def main():
    sys.path.insert(0, sys.argv[1])
    conf = (SparkConf().setMaster('local[2]').setAppName('dstream-studio-oracle-py')
            .set('spark.streaming.clock', 'org.apache.spark.util.ManualClock').set('spark.ui.enabled', 'false'))
    sc = SparkContext(conf=conf)
    sc.setLogLevel('ERROR')
    for arg in sys.argv[2:]:
        name, module, ms, n, ckpt, par, slides = arg.split(':')
        out_slides = [int(x) for x in slides.split(',')]
        # the scheduler backend reads it at each shuffle, so it can change between cases on one SparkContext
        sc._jsc.sc().conf().set('spark.default.parallelism', par)
        ms, n = int(ms), int(n)
        t0 = time.time()
        print('@@@CASE ' + name, flush=True)
        ssc = StreamingContext(sc, ms / 1000)
        if ckpt == '1':  # only stateful streams need one; each checkpoint costs a write per batch
            ssc.checkpoint(tempfile.mkdtemp(prefix='ckpt'))
        counter = BatchCounter()
        ssc.addStreamingListener(counter)
        try:
            importlib.import_module(module).build(ssc)
            ssc.start()
            clock = ssc._jssc.ssc().scheduler().clock()
            # Spark reports only batches with jobs: those whose time an output's slide divides
            def expected_after(i):
                return sum(1 for j in range(1, i + 1) if any((j * ms) % s == 0 for s in out_slides))
            for i in range(1, n + 1):
                clock.advance(ms)
                want = expected_after(i)
                with counter.cond:
                    counter.cond.wait_for(lambda: counter.done >= want, timeout=60)
            if counter.done < expected_after(n):
                print('@@@ERROR timed out after %d of %d batches with jobs' % (counter.done, expected_after(n)), flush=True)
        except Exception as e:  # a failing case is reported and the next one runs
            print('@@@ERROR ' + (str(e) or traceback.format_exc()).replace('\n', ' ')[:2000], flush=True)
        finally:
            ssc.stop(stopSparkContext=False, stopGraceFully=False)
        sys.stdout.flush()
        print('@@@END ' + name, flush=True)
        print('@@@TIME %s %d' % (name, (time.time() - t0) * 1000), file=sys.stderr, flush=True)
    sc.stop()


if __name__ == '__main__':
    main()
