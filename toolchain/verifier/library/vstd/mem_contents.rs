// vstd::raw_ptr's `MemContents`: what a permission says the memory it covers holds, as
// simple_pptr.rs and cell.rs both give it (vstd re-exports the one type in both modules).
verus! {

/// What a permission says the memory at its address holds.
pub enum MemContents<T> {
    Uninit,
    Init(T),
}

impl<T> MemContents<T> {
    pub open spec fn is_init(&self) -> bool {
        match self {
            MemContents::Init(_) => true,
            MemContents::Uninit => false,
        }
    }

    pub open spec fn is_uninit(&self) -> bool {
        match self {
            MemContents::Init(_) => false,
            MemContents::Uninit => true,
        }
    }

    /// The value held; some unknown value of `T` when the memory is uninitialized.
    pub open spec fn value(&self) -> T
        recommends
            self.is_init(),
    {
        match self {
            MemContents::Init(v) => v,
            MemContents::Uninit => uninit_value::<T>(),
        }
    }
}

/// The `value()` of uninitialized memory: some value of `T`, nothing known about it.
pub uninterp spec fn uninit_value<T>() -> T;

} // verus!
