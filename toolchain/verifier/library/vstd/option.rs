// vstd's additions to `Option<T>` (std_specs/option.rs): the older variant API (`is_Some`,
// `is_None`, `get_Some_0`) and the functions `->` is defined with, as inline spec fns over `is`
// and `->`; the tracked accessors; `as_ref` (references are erased here: it is the option itself).
verus! {

impl<T> Option<T> {
    #[verifier::inline]
    pub open spec fn is_Some(&self) -> bool {
        self is Some
    }

    #[verifier::inline]
    pub open spec fn is_None(&self) -> bool {
        self is None
    }

    /// Of `None`: some value of `T` that nothing more is known about.
    #[verifier::inline]
    pub open spec fn get_Some_0(&self) -> T {
        self->0
    }

    #[verifier::inline]
    pub open spec fn arrow_Some_0(&self) -> T {
        self->0
    }

    #[verifier::inline]
    pub open spec fn arrow_0(&self) -> T {
        self->0
    }

    #[verifier::external_body]
    pub proof fn tracked_unwrap(tracked self) -> (tracked t: T)
        requires
            self is Some,
        ensures
            t == self->0,
    {
    }

    #[verifier::external_body]
    pub proof fn tracked_borrow(tracked &self) -> (tracked t: &T)
        requires
            self is Some,
        ensures
            t == self->0,
    {
    }

    #[verifier::external_body]
    pub fn as_ref(&self) -> (a: Option<&T>)
        ensures
            a is Some <==> self is Some,
            a is Some ==> a->0 == self->0,
        no_unwind
    {
    }

    // The methods that take a closure: what the closure needs is required only where it is
    // called, and what it gives is all that is known of the result there.

    #[verifier::external_body]
    pub fn and_then<U, F: FnOnce(T) -> Option<U>>(self, f: F) -> (res: Option<U>)
        requires
            self is Some ==> f.requires((self->0,)),
        ensures
            self is None ==> res is None,
            self is Some ==> f.ensures((self->0,), res),
    {
    }

    #[verifier::external_body]
    pub fn ok_or<E>(self, err: E) -> (res: Result<T, E>)
        ensures
            self is Some ==> res is Ok && res->Ok_0 == self->0,
            self is None ==> res is Err && res->Err_0 == err,
    {
    }

    #[verifier::external_body]
    pub fn ok_or_else<E, F: FnOnce() -> E>(self, err: F) -> (res: Result<T, E>)
        requires
            self is None ==> err.requires(()),
        ensures
            self is Some ==> res is Ok && res->Ok_0 == self->0,
            self is None ==> res is Err && err.ensures((), res->Err_0),
    {
    }

    #[verifier::external_body]
    pub fn unwrap_or_else<F: FnOnce() -> T>(self, f: F) -> (res: T)
        requires
            self is None ==> f.requires(()),
        ensures
            self is Some ==> res == self->0,
            self is None ==> f.ensures((), res),
    {
    }
}

} // verus!
