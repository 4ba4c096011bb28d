import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { Link, useRouter } from '../../lib/router.js';
import { useQuery } from '../../lib/use-query.js';
import { CsvImport } from './CsvImport.js';
import { ProductForm } from './ProductForm.js';
import { ProductTable } from './ProductTable.js';
import { sectionPath, withParam } from './sections.js';
import type { ProductView } from './types.js';
import { usePagedList } from './use-paged-list.js';
import type { PublishingContext } from './use-publishing-context.js';

const searchDelayMs = 300;

/** The catalogue: a searchable list, the form of the open product (or a new one), and CSV import. */
export function ProductsPage({ ctx, productId }: { ctx: PublishingContext; productId: string | null }) {
  const t = useT();
  const { search, navigate } = useRouter();
  const params = new URLSearchParams(search);
  const q = params.get('q') ?? '';
  const stock = params.get('stock');
  const [typed, setTyped] = useState(q);
  const list = usePagedList<ProductView>('/products', { q: q || undefined, inStock: stock ?? undefined }, 50);
  const isNew = productId === 'new';
  const listed = list.items.find((p) => p.id === productId);
  const fetched = useQuery(
    (a) =>
      productId && !isNew && !listed
        ? a.get<ProductView>(`/products/${productId}`)
        : Promise.resolve(undefined),
    [productId, !listed],
  );
  const open = listed ?? fetched.data ?? null;
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = setTimeout(
      () =>
        navigate(`${window.location.pathname}${withParam(window.location.search, 'q', typed.trim())}`, {
          replace: true,
        }),
      searchDelayMs,
    );
    return () => clearTimeout(timer);
  }, [typed, q, navigate]);

  return (
    <div className={`pub-split${productId ? ' pub-split-open' : ''}`} data-testid="products">
      <div className="pub-split-main">
        <div className="pub-toolbar">
          <input
            type="search"
            value={typed}
            placeholder={t('pub.product.search')}
            aria-label={t('pub.product.search')}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="product-search"
          />
          <select
            value={stock ?? ''}
            aria-label={t('pub.product.stock')}
            onChange={(e) =>
              navigate(`${sectionPath('products')}${withParam(search, 'stock', e.target.value)}`, {
                replace: true,
              })
            }
            data-testid="product-stock-filter"
          >
            <option value="">{t('pub.product.allStock')}</option>
            <option value="true">{t('pub.product.inStockShort')}</option>
            <option value="false">{t('pub.product.outOfStock')}</option>
          </select>
          {ctx.isOwner && (
            <span className="pub-toolbar-end">
              <button
                type="button"
                className="btn"
                onClick={() => setImporting((v) => !v)}
                data-testid="csv-toggle"
              >
                {t('pub.import.open')}
              </button>
              <Link
                to={`${sectionPath('products', 'new')}${search}`}
                className="btn btn-primary"
                data-testid="product-new"
              >
                {t('pub.product.new')}
              </Link>
            </span>
          )}
        </div>
        {importing && <CsvImport onImported={() => void list.reload()} />}
        <ErrorMessage error={list.error} onRetry={() => void list.reload()} />
        {!list.loaded && <p className="muted">{t('common.loading')}</p>}
        {list.loaded && list.items.length === 0 && !list.error && (
          <div className="card empty-state" data-testid="products-empty">
            <p className="muted">{t(q || stock ? 'pub.product.noMatch' : 'pub.product.empty')}</p>
          </div>
        )}
        {list.items.length > 0 && <ProductTable items={list.items} openId={productId} />}
        {list.hasMore && (
          <div className="load-more">
            <button
              type="button"
              className="btn"
              disabled={list.loadingMore}
              onClick={() => void list.loadMore()}
            >
              {t('pub.loadMore')}
            </button>
          </div>
        )}
      </div>
      {productId && (
        <div className="pub-split-side">
          <ErrorMessage error={isNew || listed ? null : fetched.error} />
          {(isNew || open) && (
            <ProductForm
              key={open ? `${open.id}:${open.updatedAt}` : 'new'}
              product={isNew ? null : open}
              readOnly={!ctx.isOwner}
              onSaved={async (p) => {
                await list.reload();
                navigate(`${sectionPath('products', p.id)}${search}`, { replace: true });
              }}
              onDeleted={() => {
                void list.reload();
                navigate(`${sectionPath('products')}${search}`);
              }}
            />
          )}
          <Link to={`${sectionPath('products')}${search}`} className="back-link">
            {t('pub.close')}
          </Link>
        </div>
      )}
    </div>
  );
}
