<?xml version="1.0"?>
<!-- cpu-iothreadpin-undefined: declare the iothreads <cputune> pins or
     schedules.  Without <iothreadids>, <iothreads> becomes $count (the
     highest id needed; a new <iothreads> goes after <vcpu>, or <vcpus>,
     where libvirt writes it).  With <iothreadids>, <iothread id='N'/> is
     appended for each id in $ids, and an <iothreads> below the new number of
     ids ($count) is raised to it, as libvirt would.
     Parameters: ids, the missing ids, space-separated; count, see above;
     targets (the pins; unused). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:param name="ids"/>
  <xsl:param name="count"/>

  <xsl:variable name="has-ids" select="boolean(/domain/iothreadids)"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain">
    <xsl:variable name="after" select="(vcpu|vcpus)[last()]"/>
    <xsl:variable name="new" select="not(iothreads) and not($has-ids) and string(number($count)) = $count"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="$new and not($after) and self::cputune">
          <iothreads><xsl:value-of select="$count"/></iothreads>
        </xsl:if>
        <xsl:apply-templates select="."/>
        <xsl:if test="$new and $after and count(. | $after) = 1">
          <iothreads><xsl:value-of select="$count"/></iothreads>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/iothreads">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:choose>
        <xsl:when test="string(number($count)) = $count and number(.) &lt; number($count)">
          <xsl:value-of select="$count"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/iothreadids">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:call-template name="new-ids">
        <xsl:with-param name="rest" select="concat(normalize-space($ids), ' ')"/>
      </xsl:call-template>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="new-ids">
    <xsl:param name="rest"/>
    <xsl:variable name="id" select="substring-before($rest, ' ')"/>
    <xsl:if test="$id != ''">
      <xsl:if test="not(/domain/iothreadids/iothread[@id = $id])">
        <iothread id="{$id}"/>
      </xsl:if>
      <xsl:call-template name="new-ids">
        <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
