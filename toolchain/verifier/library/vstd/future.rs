// The future an `async fn` call gives, as the verifier reads it (vstd::future): the value the call
// computes, whose `ensures` hold of it. As in vstd, what a program may know of a future is its
// prophetic view `future@` (the value it will give) and `future.awaited()` (whether it will be
// awaited): the view is the value only for a future that is awaited, and `.await`
// (`exec_await`, vstd's) gives the value and makes `awaited()` true. A call is verified where it
// is written (its `requires` there, its `&mut` arguments written there); the checking phase
// refuses a future holding a borrow that is not awaited at once. Read only by a crate that has an
// `async fn`.
verus! {

pub struct AsyncFuture<T> {
    value: T,
}

impl<T> AsyncFuture<T> {
    #[verifier::prophetic]
    pub uninterp spec fn awaited(&self) -> bool;

    #[verifier::prophetic]
    pub open spec fn view(&self) -> T {
        if self.awaited() {
            self.value
        } else {
            unawaited_view(self)
        }
    }

    /// `f.await` (vstd's `exec_await`).
    #[verifier::external_body]
    pub fn exec_await(self) -> (ret: T)
        ensures
            self.awaited(),
            ret == self@,
        opens_invariants any
    {
        unimplemented!()
    }
}

/// What the view of a future that is not awaited is: nothing known.
pub uninterp spec fn unawaited_view<T>(f: &AsyncFuture<T>) -> T;

} // verus!
