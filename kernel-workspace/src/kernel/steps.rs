//! Each step of the kernel keeps its invariant (`Kernel::wf`): one lemma per kind of step, from
//! the state before (`a`) to the state after (`b`), stated by what the step changes.
//!
//! The steps: change only results, messages and counters (`lemma_wf_frame`); run the front of
//! the run queue (`schedule`); put the running thread back in the run queue (`yield_current`);
//! block it on an endpoint (`send`/`recv` with nobody waiting); take the front waiter off an
//! endpoint and wake it (`send`/`recv` meeting a waiter); a live process takes pages from the
//! free set (`sys_alloc`); a process is being built in a free slot, and starts (`spawn`); the
//! running thread's process exits and its pages go back (`exit_current`). Each proof is the
//! same walk: every endpoint, every process, every pair of processes, every thread, every pair
//! of threads, then who runs.

use vstd::prelude::*;
use crate::kernel::proc::*;
use crate::kernel::queue::*;
use crate::kernel::state::*;

verus! {

/// A step that leaves the memory state, the queues and every thread's state, owner and endpoint
/// alone (it may change results, messages and counters) keeps the invariant.
pub proof fn lemma_wf_frame(a: Kernel, b: Kernel)
    requires
        a.wf(),
        b.alloc == a.alloc && b.spaces == a.spaces && b.procs == a.procs,
        b.runq == a.runq && b.eps == a.eps && b.ep_mode == a.ep_mode && b.current == a.current,
        forall|t: int| 0 <= t < MAX_THREADS ==> #[trigger] b.threads[t].state == a.threads[t].state
            && b.threads[t].owner == a.threads[t].owner
            && b.threads[t].endpoint == a.threads[t].endpoint,
    ensures b.wf(),
{
    lemma_eps_carry(a, b, 0);
    lemma_memory_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.thread_ok(t) by {
        assert(a.thread_ok(t));
    }
    lemma_sole_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS && #[trigger] b.threads[t].state == T_RUNNING implies t == b.current by {
        assert(a.threads[t].state == T_RUNNING);
    }
}

/// `b` is `a` with nothing scheduled: the run queue was empty and no thread ran.
pub proof fn lemma_run_nobody(a: Kernel, b: Kernel)
    requires
        a.wf_idle(),
        a.runq.seq@.len() == 0,
        b.current == NO_THREAD,
        b.alloc == a.alloc && b.spaces == a.spaces && b.procs == a.procs,
        b.threads == a.threads && b.runq == a.runq && b.eps == a.eps && b.ep_mode == a.ep_mode,
    ensures b.wf(),
{
    lemma_eps_carry(a, b, 0);
    lemma_memory_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.thread_ok(t) by {
        assert(a.thread_ok(t));
    }
    lemma_sole_carry(a, b);
}

/// `b` runs the front of `a`'s run queue, which is popped; nothing else changed.
pub proof fn lemma_run_front(a: Kernel, b: Kernel)
    requires
        a.wf_idle(),
        a.runq.seq@.len() > 0,
        b.runq.wf(),
        b.runq.seq@ == a.runq.seq@.subrange(1, a.runq.seq@.len() as int),
        b.current == a.runq.seq@[0],
        b.threads[b.current as int].state == T_RUNNING,
        b.sched_frame(&a),
        b.others_same(&a, b.current as int),
        b.endpoints_same(&a),
    ensures b.wf(),
{
    let cur = b.current;
    lemma_distinct_pop(a.runq.seq@);
    assert(cur < MAX_THREADS);
    assert(a.thread_ok(cur as int));
    assert(a.threads[cur as int].state == T_RUNNABLE);
    assert forall|k: int| 0 <= k < b.runq.seq@.len() implies #[trigger] b.runq.seq@[k] < MAX_THREADS by {
        assert(b.runq.seq@[k] == a.runq.seq@[k + 1]);
    }
    lemma_eps_carry(a, b, cur as int);
    lemma_memory_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.thread_ok(t) by {
        assert(a.thread_ok(t));
        lemma_contains_pop(a.runq.seq@, t as usize);
    }
    lemma_sole_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS && #[trigger] b.threads[t].state == T_RUNNING implies t == b.current by {
        assert(a.threads[t].state != T_RUNNING);
    }
}

/// `b` is `a` with its running thread put back at the end of the run queue: nobody runs.
pub proof fn lemma_requeue_current(a: Kernel, b: Kernel)
    requires
        a.wf(),
        a.current < MAX_THREADS,
        b.runq.wf(),
        b.runq.seq@ == a.runq.seq@.push(a.current),
        b.threads[a.current as int].state == T_RUNNABLE,
        b.current == a.current,
        b.sched_frame(&a),
        b.others_same(&a, a.current as int),
        b.endpoints_same(&a),
    ensures b.wf_idle(),
{
    let cur = a.current;
    assert(a.thread_ok(cur as int));
    lemma_distinct_push(a.runq.seq@, cur);
    assert forall|k: int| 0 <= k < b.runq.seq@.len() implies #[trigger] b.runq.seq@[k] < MAX_THREADS by {
        if k < a.runq.seq@.len() {
            assert(b.runq.seq@[k] == a.runq.seq@[k]);
        }
    }
    lemma_eps_carry(a, b, cur as int);
    lemma_memory_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.thread_ok(t) by {
        assert(a.thread_ok(t));
        lemma_contains_push(a.runq.seq@, cur, t as usize);
    }
    lemma_sole_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.threads[t].state != T_RUNNING by {
        if t != cur {
            assert(a.threads[t].state != T_RUNNING);
        }
    }
}

/// `b` is `a` with its running thread blocked on endpoint `ep`, at the back of its queue, in
/// the state of the endpoint's (new) mode: nobody runs.
pub proof fn lemma_block_current(a: Kernel, b: Kernel, ep: int)
    requires
        a.wf(),
        a.current < MAX_THREADS,
        0 <= ep < MAX_EPS,
        b.ep_mode[ep] == EP_SENDERS || b.ep_mode[ep] == EP_RECEIVERS,
        a.eps[ep].seq@.len() == 0 || a.ep_mode[ep] == b.ep_mode[ep],
        b.eps[ep].wf(),
        b.eps[ep].seq@ == a.eps[ep].seq@.push(a.current),
        forall|e: int| 0 <= e < MAX_EPS && e != ep ==> #[trigger] b.eps[e] == a.eps[e] && b.ep_mode[e] == a.ep_mode[e],
        b.threads[a.current as int].state == waiting_state(b.ep_mode[ep]),
        b.threads[a.current as int].endpoint == ep,
        b.alloc == a.alloc && b.spaces == a.spaces && b.procs == a.procs,
        b.runq == a.runq && b.current == a.current,
        b.others_same(&a, a.current as int),
        forall|t: int| 0 <= t < MAX_THREADS ==> #[trigger] b.threads[t].owner == a.threads[t].owner,
        forall|t: int| 0 <= t < MAX_THREADS && t != a.current ==> #[trigger] b.threads[t].endpoint == a.threads[t].endpoint,
    ensures b.wf_idle(),
{
    let cur = a.current;
    assert(a.thread_ok(cur as int));
    assert(a.ep_ok(ep));
    // the running thread waits nowhere yet
    assert forall|k: int| 0 <= k < a.eps[ep].seq@.len() implies #[trigger] a.eps[ep].seq@[k] != cur by {
        assert(a.eps[ep].seq@[k] < MAX_THREADS);
    }
    lemma_distinct_push(a.eps[ep].seq@, cur);
    assert forall|e: int| 0 <= e < MAX_EPS implies #[trigger] b.ep_ok(e) by {
        assert(a.ep_ok(e));
        assert forall|k: int| 0 <= k < b.eps[e].seq@.len() implies #[trigger] b.eps[e].seq@[k] < MAX_THREADS
            && b.threads[b.eps[e].seq@[k] as int].state == waiting_state(b.ep_mode[e])
            && b.threads[b.eps[e].seq@[k] as int].endpoint == e by {
            if e != ep || k < a.eps[ep].seq@.len() {
                assert(b.eps[e].seq@[k] == a.eps[e].seq@[k]);
                assert(a.eps[e].seq@[k] < MAX_THREADS);
            }
        }
    }
    lemma_memory_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.thread_ok(t) by {
        assert(a.thread_ok(t));
    }
    lemma_sole_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.threads[t].state != T_RUNNING by {
        if t != cur {
            assert(a.threads[t].state != T_RUNNING);
        }
    }
}

/// `b` is `a` with the front waiter `r` of endpoint `ep` taken off its queue (the endpoint goes
/// idle when that empties it) and woken when the run queue had room (`woke`); only results and
/// messages of threads changed besides.
pub proof fn lemma_dequeue_wake(a: Kernel, b: Kernel, ep: int, r: usize, woke: bool)
    requires
        a.wf(),
        0 <= ep < MAX_EPS,
        a.eps[ep].seq@.len() > 0,
        r == a.eps[ep].seq@[0],
        b.eps[ep].wf(),
        b.eps[ep].seq@ == a.eps[ep].seq@.subrange(1, a.eps[ep].seq@.len() as int),
        b.eps[ep].seq@.len() > 0 ==> b.ep_mode[ep] == a.ep_mode[ep],
        forall|e: int| 0 <= e < MAX_EPS && e != ep ==> #[trigger] b.eps[e] == a.eps[e] && b.ep_mode[e] == a.ep_mode[e],
        b.alloc == a.alloc && b.spaces == a.spaces && b.procs == a.procs,
        b.current == a.current,
        b.runq.wf(),
        b.others_same(&a, r as int),
        b.endpoints_same(&a),
        forall|t: int| 0 <= t < MAX_THREADS ==> #[trigger] b.threads[t].owner == a.threads[t].owner,
        woke ==> b.threads[r as int].state == T_RUNNABLE && b.runq.seq@ == a.runq.seq@.push(r),
        !woke ==> b.threads[r as int].state == a.threads[r as int].state && b.runq.seq@ == a.runq.seq@,
    ensures b.wf(),
{
    assert(a.ep_ok(ep));
    assert(r < MAX_THREADS);
    assert(a.thread_ok(r as int));
    lemma_distinct_pop(a.eps[ep].seq@);
    if woke {
        lemma_distinct_push(a.runq.seq@, r);
    }
    assert forall|k: int| 0 <= k < b.runq.seq@.len() implies #[trigger] b.runq.seq@[k] < MAX_THREADS by {
        if k < a.runq.seq@.len() {
            assert(b.runq.seq@[k] == a.runq.seq@[k]);
        }
    }
    assert forall|e: int| 0 <= e < MAX_EPS implies #[trigger] b.ep_ok(e) by {
        assert(a.ep_ok(e));
        assert forall|k: int| 0 <= k < b.eps[e].seq@.len() implies #[trigger] b.eps[e].seq@[k] < MAX_THREADS
            && b.threads[b.eps[e].seq@[k] as int].state == waiting_state(b.ep_mode[e])
            && b.threads[b.eps[e].seq@[k] as int].endpoint == e by {
            if e == ep {
                assert(b.eps[e].seq@[k] == a.eps[e].seq@[k + 1]);
                assert(a.eps[e].seq@[k + 1] < MAX_THREADS);
            } else {
                // a waiter of another endpoint is not `r`, which waited on `ep`
                assert(a.eps[e].seq@[k] < MAX_THREADS);
            }
        }
    }
    lemma_memory_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.thread_ok(t) by {
        assert(a.thread_ok(t));
        if woke {
            lemma_contains_push(a.runq.seq@, r, t as usize);
        }
    }
    lemma_sole_carry(a, b);
    assert forall|t: int| 0 <= t < MAX_THREADS && #[trigger] b.threads[t].state == T_RUNNING implies t == b.current by {
        if t != r {
            assert(a.threads[t].state == T_RUNNING);
        }
    }
}

/// `b` is `a` where live process `p` took pages from the free set: new table pages and newly
/// mapped pool pages were free in `a` and are not any more, and `p`'s `held` set gains exactly
/// the pages that left the free set. Nothing else changed but `p`'s page count.
pub proof fn lemma_wf_alloc(a: Kernel, b: Kernel, p: int)
    requires
        a.wf(),
        0 <= p < MAX_PROCS,
        a.procs[p].alive && b.procs[p].alive,
        b.procs[p].pages <= b.procs[p].quota,
        b.alloc.wf(),
        b.alloc.free@.subset_of(a.alloc.free@),
        b.spaces[p].wf(),
        b.spaces[p].disjoint_from(&b.alloc),
        forall|x: u64| #[trigger] b.spaces[p].owns(x) ==> a.spaces[p].owns(x) || a.alloc.free@.contains(x),
        forall|va: u64| #[trigger] b.spaces[p].mapping@.contains_key(va) ==>
            (a.spaces[p].mapping@.contains_key(va) && b.spaces[p].mapping@[va] == a.spaces[p].mapping@[va])
            || (a.alloc.free@.contains(b.spaces[p].mapping@[va].pa) && !b.alloc.free@.contains(b.spaces[p].mapping@[va].pa)),
        b.procs[p].held@ == a.procs[p].held@.union(a.alloc.free@.difference(b.alloc.free@)),
        forall|q: int| 0 <= q < MAX_PROCS && q != p ==> #[trigger] b.procs[q] == a.procs[q],
        forall|q: int| 0 <= q < MAX_PROCS && q != p ==> #[trigger] b.spaces[q] == a.spaces[q],
        b.threads == a.threads && b.runq == a.runq && b.eps == a.eps && b.ep_mode == a.ep_mode && b.current == a.current,
    ensures b.wf(),
{
    assert(a.space_ok(p));
    lemma_others_keep_pages(a, b, p);
    assert forall|q: int| 0 <= q < MAX_PROCS implies #[trigger] b.space_ok(q) by {
        assert(a.space_ok(q));
        if q == p {
            assert forall|va: u64| #[trigger] b.spaces[p].mapping@.contains_key(va) && is_pool_page(b.spaces[p].mapping@[va].pa)
                implies b.procs[p].held@.contains(b.spaces[p].mapping@[va].pa) by {
                if a.spaces[p].mapping@.contains_key(va) && b.spaces[p].mapping@[va] == a.spaces[p].mapping@[va] {
                    assert(a.procs[p].held@.contains(a.spaces[p].mapping@[va].pa));
                }
            }
            assert forall|x: u64| #[trigger] b.spaces[p].owns(x) implies b.procs[p].held@.contains(x) by {
                if a.spaces[p].owns(x) {
                    assert(a.procs[p].held@.contains(x));
                }
            }
        }
    }
    assert forall|q1: int, q2: int| 0 <= q1 < MAX_PROCS && 0 <= q2 < MAX_PROCS implies #[trigger] b.held_apart(q1, q2) by {
        assert(a.held_apart(q1, q2));
        assert(a.space_ok(q1));
        assert(a.space_ok(q2));
        // neither is `p`: both hold what they held; else `p`'s new pages were free in `a`
        if q1 != p && q2 != p {
            assert(b.procs[q1] == a.procs[q1] && b.procs[q2] == a.procs[q2]);
        }
    }
    lemma_wf_same_threads(a, b);
}

/// The scheduling half of the invariant carries over when threads, queues, `current` and
/// which processes are live are all as before.
pub proof fn lemma_wf_same_threads(a: Kernel, b: Kernel)
    requires
        a.wf(),
        b.threads == a.threads && b.runq == a.runq && b.eps == a.eps && b.ep_mode == a.ep_mode && b.current == a.current,
        forall|q: int| 0 <= q < MAX_PROCS ==> #[trigger] b.procs[q].alive == a.procs[q].alive,
    ensures
        forall|t: int| 0 <= t < MAX_THREADS ==> #[trigger] b.thread_ok(t),
        forall|e: int| 0 <= e < MAX_EPS ==> #[trigger] b.ep_ok(e),
        forall|t1: int, t2: int| 0 <= t1 < MAX_THREADS && 0 <= t2 < MAX_THREADS ==> #[trigger] b.sole_thread(t1, t2),
        b.current == NO_THREAD || (b.current < MAX_THREADS && b.threads[b.current as int].state == T_RUNNING),
        forall|t: int| 0 <= t < MAX_THREADS && #[trigger] b.threads[t].state == T_RUNNING ==> t == b.current,
{
    assert forall|t: int| 0 <= t < MAX_THREADS implies #[trigger] b.thread_ok(t) by {
        assert(a.thread_ok(t));
    }
    lemma_eps_carry(a, b, 0);
    lemma_sole_carry(a, b);
}

/// `b` is `a` while a process is built in slot `p`, which is not live: pages only left the
/// free set, and nothing of the live processes or the threads changed.
pub proof fn lemma_wf_build(a: Kernel, b: Kernel, p: int)
    requires
        a.wf(),
        0 <= p < MAX_PROCS,
        !a.procs[p].alive,
        b.alloc.wf(),
        b.alloc.free@.subset_of(a.alloc.free@),
        b.procs == a.procs,
        forall|q: int| 0 <= q < MAX_PROCS && q != p ==> #[trigger] b.spaces[q] == a.spaces[q],
        b.threads == a.threads && b.runq == a.runq && b.eps == a.eps && b.ep_mode == a.ep_mode && b.current == a.current,
    ensures b.wf(),
{
    lemma_others_keep_pages(a, b, p);
    assert(b.space_ok(p));
    assert forall|q1: int, q2: int| 0 <= q1 < MAX_PROCS && 0 <= q2 < MAX_PROCS implies #[trigger] b.held_apart(q1, q2) by {
        assert(a.held_apart(q1, q2));
    }
    lemma_wf_same_threads(a, b);
}

/// `b` is `a` with process `p` started in a slot that was not live: its pages (tables and
/// mapped pool pages) all left the free set since `a` and are its `held` set; its one thread
/// `t`, a free slot in `a`, is runnable at the back of the run queue.
pub proof fn lemma_wf_spawned(a: Kernel, b: Kernel, p: int, t: usize)
    requires
        a.wf(),
        0 <= p < MAX_PROCS,
        !a.procs[p].alive,
        t < MAX_THREADS,
        a.threads[t as int].state == T_FREE,
        b.alloc.wf(),
        b.alloc.free@.subset_of(a.alloc.free@),
        b.spaces[p].wf(),
        b.spaces[p].disjoint_from(&b.alloc),
        forall|x: u64| #[trigger] b.spaces[p].owns(x) ==> a.alloc.free@.contains(x),
        forall|va: u64| #[trigger] b.spaces[p].mapping@.contains_key(va) && is_pool_page(b.spaces[p].mapping@[va].pa)
            ==> a.alloc.free@.contains(b.spaces[p].mapping@[va].pa) && !b.alloc.free@.contains(b.spaces[p].mapping@[va].pa),
        b.procs[p].alive,
        b.procs[p].pages <= b.procs[p].quota,
        b.procs[p].held@ == a.alloc.free@.difference(b.alloc.free@),
        forall|q: int| 0 <= q < MAX_PROCS && q != p ==> #[trigger] b.procs[q] == a.procs[q],
        forall|q: int| 0 <= q < MAX_PROCS && q != p ==> #[trigger] b.spaces[q] == a.spaces[q],
        b.threads[t as int].state == T_RUNNABLE,
        b.threads[t as int].owner == p,
        forall|i: int| 0 <= i < MAX_THREADS && i != t as int ==> #[trigger] b.threads[i].state == a.threads[i].state
            && b.threads[i].owner == a.threads[i].owner && b.threads[i].endpoint == a.threads[i].endpoint,
        b.runq.wf(),
        b.runq.seq@ == a.runq.seq@.push(t),
        b.eps == a.eps && b.ep_mode == a.ep_mode && b.current == a.current,
    ensures b.wf(),
{
    assert(a.thread_ok(t as int));
    lemma_distinct_push(a.runq.seq@, t);
    assert forall|k: int| 0 <= k < b.runq.seq@.len() implies #[trigger] b.runq.seq@[k] < MAX_THREADS by {
        if k < a.runq.seq@.len() {
            assert(b.runq.seq@[k] == a.runq.seq@[k]);
        }
    }
    assert forall|x: u64| #[trigger] b.spaces[p].owns(x) implies b.procs[p].held@.contains(x) by {
        assert(a.alloc.free@.contains(x) && !b.alloc.free@.contains(x));
    }
    assert(b.space_ok(p));
    lemma_others_keep_pages(a, b, p);
    assert forall|q1: int, q2: int| 0 <= q1 < MAX_PROCS && 0 <= q2 < MAX_PROCS implies #[trigger] b.held_apart(q1, q2) by {
        assert(a.held_apart(q1, q2));
        assert(a.space_ok(q1));
        assert(a.space_ok(q2));
    }
    lemma_eps_carry(a, b, t as int);
    assert forall|i: int| 0 <= i < MAX_THREADS implies #[trigger] b.thread_ok(i) by {
        assert(a.thread_ok(i));
        lemma_contains_push(a.runq.seq@, t, i as usize);
        // the new thread, or one whose state, owner and endpoint did not change (whose owner,
        // if live, is another process than the new one, which was not live)
        if i == t as int {
            assert(b.runq.seq@.contains(t));
        } else {
            assert(b.threads[i].state == a.threads[i].state);
            let o = a.threads[i].owner as int;
            if a.threads[i].state != T_FREE && a.threads[i].state != T_DEAD {
                assert(o != p);
                assert(b.procs[o] == a.procs[o]);
            }
        }
    }
    assert forall|t1: int, t2: int| 0 <= t1 < MAX_THREADS && 0 <= t2 < MAX_THREADS implies #[trigger] b.sole_thread(t1, t2) by {
        assert(a.sole_thread(t1, t2));
        // no live thread of `a` belongs to `p`, which was not live
        assert(a.thread_ok(t1));
        assert(a.thread_ok(t2));
    }
    assert forall|i: int| 0 <= i < MAX_THREADS && #[trigger] b.threads[i].state == T_RUNNING implies i == b.current by {
        assert(a.threads[i].state == T_RUNNING);
    }
}

/// `b` is `a` after the running thread `a.current` exited with its process `p`: `p` is not
/// live, the thread is dead, and only pages `p` held became free. Nobody runs.
pub proof fn lemma_wf_exited(a: Kernel, b: Kernel)
    requires
        a.wf(),
        a.current < MAX_THREADS,
        a.threads[a.current as int].owner < MAX_PROCS,
        b.alloc.wf(),
        forall|x: u64| #[trigger] b.alloc.free@.contains(x) ==>
            a.alloc.free@.contains(x) || a.procs[a.threads[a.current as int].owner as int].held@.contains(x),
        !b.procs[a.threads[a.current as int].owner as int].alive,
        forall|q: int| 0 <= q < MAX_PROCS && q != a.threads[a.current as int].owner ==> #[trigger] b.procs[q] == a.procs[q],
        forall|q: int| 0 <= q < MAX_PROCS && q != a.threads[a.current as int].owner ==> #[trigger] b.spaces[q] == a.spaces[q],
        b.threads[a.current as int].state == T_DEAD,
        b.threads[a.current as int].owner == a.threads[a.current as int].owner,
        forall|i: int| 0 <= i < MAX_THREADS && i != a.current ==> #[trigger] b.threads[i].state == a.threads[i].state
            && b.threads[i].owner == a.threads[i].owner && b.threads[i].endpoint == a.threads[i].endpoint,
        b.runq == a.runq && b.eps == a.eps && b.ep_mode == a.ep_mode,
    ensures b.wf_idle(),
{
    let cur = a.current;
    let p = a.threads[cur as int].owner as int;
    assert(a.thread_ok(cur as int));
    assert forall|q: int| 0 <= q < MAX_PROCS implies #[trigger] b.space_ok(q) by {
        assert(a.space_ok(q));
        if q != p && a.procs[q].alive {
            // what became free was held by `p`, which holds nothing `q` holds
            assert(a.held_apart(p, q));
            assert forall|x: u64| #[trigger] b.procs[q].held@.contains(x) implies !b.alloc.free@.contains(x) by {
                assert(a.procs[q].held@.contains(x));
            }
            assert forall|x: u64| #[trigger] b.spaces[q].owns(x) implies !b.alloc.free@.contains(x) && is_pool_page(x) by {
                assert(a.spaces[q].owns(x));
                assert(a.procs[q].held@.contains(x));
            }
        }
    }
    assert forall|q1: int, q2: int| 0 <= q1 < MAX_PROCS && 0 <= q2 < MAX_PROCS implies #[trigger] b.held_apart(q1, q2) by {
        assert(a.held_apart(q1, q2));
    }
    lemma_eps_carry(a, b, cur as int);
    assert forall|i: int| 0 <= i < MAX_THREADS implies #[trigger] b.thread_ok(i) by {
        assert(a.thread_ok(i));
        // another live thread of `p` would contradict `sole_thread`
        assert(a.sole_thread(i, cur as int));
    }
    lemma_sole_carry(a, b);
    assert forall|i: int| 0 <= i < MAX_THREADS implies #[trigger] b.threads[i].state != T_RUNNING by {
        if i != cur {
            assert(a.threads[i].state != T_RUNNING);
        }
    }
}

/// The memory half of the invariant carries over when the allocator, the address spaces and
/// the processes are as in `a`.
pub proof fn lemma_memory_carry(a: Kernel, b: Kernel)
    requires
        a.wf_except_current(),
        b.alloc == a.alloc && b.spaces == a.spaces && b.procs == a.procs,
    ensures
        forall|p: int| 0 <= p < MAX_PROCS ==> #[trigger] b.space_ok(p),
        forall|p: int, q: int| 0 <= p < MAX_PROCS && 0 <= q < MAX_PROCS ==> #[trigger] b.held_apart(p, q),
{
    assert forall|p: int| 0 <= p < MAX_PROCS implies #[trigger] b.space_ok(p) by {
        assert(a.space_ok(p));
    }
    assert forall|p: int, q: int| 0 <= p < MAX_PROCS && 0 <= q < MAX_PROCS implies #[trigger] b.held_apart(p, q) by {
        assert(a.held_apart(p, q));
    }
}

/// The endpoints carry over when their queues and modes are as in `a`, and only thread `t` may
/// have another state or endpoint, `t` being no waiter (not blocked) or unchanged.
pub proof fn lemma_eps_carry(a: Kernel, b: Kernel, t: int)
    requires
        forall|e: int| 0 <= e < MAX_EPS ==> #[trigger] a.ep_ok(e),
        b.eps == a.eps && b.ep_mode == a.ep_mode,
        !a.threads[t].blocked()
            || (b.threads[t].state == a.threads[t].state && b.threads[t].endpoint == a.threads[t].endpoint),
        forall|i: int| 0 <= i < MAX_THREADS && i != t ==> #[trigger] b.threads[i].state == a.threads[i].state
            && b.threads[i].endpoint == a.threads[i].endpoint,
    ensures forall|e: int| 0 <= e < MAX_EPS ==> #[trigger] b.ep_ok(e),
{
    assert forall|e: int| 0 <= e < MAX_EPS implies #[trigger] b.ep_ok(e) by {
        assert(a.ep_ok(e));
        assert forall|k: int| 0 <= k < b.eps[e].seq@.len() implies #[trigger] b.eps[e].seq@[k] < MAX_THREADS
            && b.threads[b.eps[e].seq@[k] as int].state == waiting_state(b.ep_mode[e])
            && b.threads[b.eps[e].seq@[k] as int].endpoint == e by {
            // a waiter is blocked, so it is not `t` unless `t` did not change
            assert(a.eps[e].seq@[k] < MAX_THREADS);
        }
    }
}

/// "One live thread per live process" carries over when owners are as in `a` and no thread
/// came to life.
pub proof fn lemma_sole_carry(a: Kernel, b: Kernel)
    requires
        forall|t1: int, t2: int| 0 <= t1 < MAX_THREADS && 0 <= t2 < MAX_THREADS ==> #[trigger] a.sole_thread(t1, t2),
        forall|i: int| 0 <= i < MAX_THREADS ==> #[trigger] b.threads[i].owner == a.threads[i].owner
            && (b.threads[i].live() ==> a.threads[i].live()),
    ensures forall|t1: int, t2: int| 0 <= t1 < MAX_THREADS && 0 <= t2 < MAX_THREADS ==> #[trigger] b.sole_thread(t1, t2),
{
    assert forall|t1: int, t2: int| 0 <= t1 < MAX_THREADS && 0 <= t2 < MAX_THREADS implies #[trigger] b.sole_thread(t1, t2) by {
        assert(a.sole_thread(t1, t2));
        assert(b.threads[t1].owner == a.threads[t1].owner && b.threads[t2].owner == a.threads[t2].owner);
    }
}

/// Every process but `p` keeps what `space_ok` says of it when its address space and record
/// are as in `a` and pages only left the free set.
pub proof fn lemma_others_keep_pages(a: Kernel, b: Kernel, p: int)
    requires
        forall|q: int| 0 <= q < MAX_PROCS ==> #[trigger] a.space_ok(q),
        b.alloc.free@.subset_of(a.alloc.free@),
        forall|q: int| 0 <= q < MAX_PROCS && q != p ==> #[trigger] b.procs[q] == a.procs[q],
        forall|q: int| 0 <= q < MAX_PROCS && q != p ==> #[trigger] b.spaces[q] == a.spaces[q],
    ensures forall|q: int| 0 <= q < MAX_PROCS && q != p ==> #[trigger] b.space_ok(q),
{
    assert forall|q: int| 0 <= q < MAX_PROCS && q != p implies #[trigger] b.space_ok(q) by {
        assert(a.space_ok(q));
        assert(b.spaces[q] == a.spaces[q] && b.procs[q] == a.procs[q]);
        if a.procs[q].alive {
            assert forall|x: u64| #[trigger] b.spaces[q].owns(x) implies !b.alloc.free@.contains(x) && is_pool_page(x) by {
                assert(a.spaces[q].owns(x));
            }
        }
    }
}

} // verus!
