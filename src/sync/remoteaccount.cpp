#include "sync/remoteaccount.h"

namespace bulletin {

RemoteError RemoteAccount::fetch(const QList<HeadlineQuery> &queries,
                                 QList<QList<RemoteHeadline>> *pages, RemoteTree *tree)
{
    if (tree) {
        if (RemoteError failure = categories(&tree->categories);
            failure || (failure = feeds(&tree->feeds)))
            return failure;
    }
    for (const HeadlineQuery &query : queries) {
        QList<RemoteHeadline> page;
        if (const RemoteError failure = headlines(query, &page))
            return failure;
        pages->append(page);
    }
    return {};
}

} // namespace bulletin
