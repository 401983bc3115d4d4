// std's `Result<T, E>` as vstd specifies it (std_specs/result.rs): an enum of the library, whose
// variants every file names bare (`Ok(x)`, `Err(e)`: Rust's prelude; variant-imports.ts), with
// the methods' contracts as vstd states them (`unwrap` requires `Ok`, and in ghost code is the
// value `->Ok_0`), and the older variant API (`is_Ok`, `get_Ok_0`, ..).
verus! {

pub enum Result<T, E> {
    Ok(T),
    Err(E),
}

impl<T, E> Result<T, E> {
    #[verifier::inline]
    pub open spec fn is_Ok(&self) -> bool {
        self is Ok
    }

    #[verifier::inline]
    pub open spec fn is_Err(&self) -> bool {
        self is Err
    }

    #[verifier::inline]
    pub open spec fn get_Ok_0(&self) -> T {
        self->Ok_0
    }

    #[verifier::inline]
    pub open spec fn get_Err_0(&self) -> E {
        self->Err_0
    }

    pub open spec fn spec_is_ok(&self) -> bool {
        self is Ok
    }

    pub open spec fn spec_is_err(&self) -> bool {
        self is Err
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_is_ok)]
    pub fn is_ok(&self) -> (b: bool)
        ensures
            b == self is Ok,
        no_unwind
    {
        unimplemented!()
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_is_err)]
    pub fn is_err(&self) -> (b: bool)
        ensures
            b == self is Err,
        no_unwind
    {
        unimplemented!()
    }

    /// Of `Err`: some value of `T` that nothing more is known about.
    pub open spec fn spec_unwrap(self) -> T
        recommends
            self is Ok,
    {
        self->Ok_0
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_unwrap)]
    pub fn unwrap(self) -> (t: T)
        requires
            self is Ok,
        ensures
            t == self->Ok_0,
    {
        unimplemented!()
    }

    pub open spec fn spec_unwrap_err(self) -> E
        recommends
            self is Err,
    {
        self->Err_0
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_unwrap_err)]
    pub fn unwrap_err(self) -> (e: E)
        requires
            self is Err,
        ensures
            e == self->Err_0,
    {
        unimplemented!()
    }

    pub open spec fn spec_expect(self, msg: &str) -> T
        recommends
            self is Ok,
    {
        self->Ok_0
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_expect)]
    pub fn expect(self, msg: &str) -> (t: T)
        requires
            self is Ok,
        ensures
            t == self->Ok_0,
    {
        unimplemented!()
    }

    pub open spec fn spec_ok(self) -> Option<T> {
        match self {
            Result::Ok(t) => Some(t),
            Result::Err(_) => None,
        }
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_ok)]
    pub fn ok(self) -> (o: Option<T>)
        ensures
            o == self.spec_ok(),
        no_unwind
    {
        unimplemented!()
    }

    pub open spec fn spec_err(self) -> Option<E> {
        match self {
            Result::Ok(_) => None,
            Result::Err(e) => Some(e),
        }
    }

    #[verifier::external_body]
    #[verifier::when_used_as_spec(spec_err)]
    pub fn err(self) -> (o: Option<E>)
        ensures
            o == self.spec_err(),
        no_unwind
    {
        unimplemented!()
    }
}

} // verus!
